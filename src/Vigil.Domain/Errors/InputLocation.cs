using System.Globalization;

namespace Vigil.Domain.Errors;

/// <summary>
/// Where in an input file a problem is: the file, the 1-based line and character column, and the field
/// (column header) at fault. Any part may be unknown; <see cref="ToString"/> prints what is known in the
/// conventional <c>file:line:column: field</c> form that editors can jump to.
/// </summary>
public sealed record InputLocation(string File, long? Line = null, int? Column = null, string? Field = null)
{
    public override string ToString()
    {
        var place = File;
        if (Line is { } line)
        {
            place += ":" + line.ToString(CultureInfo.InvariantCulture);
            if (Column is { } column)
                place += ":" + column.ToString(CultureInfo.InvariantCulture);
        }
        return Field is null ? place : $"{place}: {Field}";
    }
}
