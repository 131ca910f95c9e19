using Vigil.Ingestion.Json;

namespace Vigil.Ingestion.Formats;

/// <summary>
/// A dataset that also comes as JSON: an array of flat objects whose keys are its CSV columns' names
/// (ACLED's API), either bare or in the API's <c>{"success": true, "data": [...]}</c> envelope.
/// </summary>
public interface IJsonRecordFormat
{
    /// <summary>The same name as the format's CSV layout: both give the same dataset.</summary>
    string Name { get; }

    /// <summary>Whether the keys of a file's first object are this format's (as for a CSV header).</summary>
    bool Recognises(IReadOnlyList<string> keys);

    /// <summary>Names the fields the parser reads; a record without a required one is refused, naming it.</summary>
    IJsonRecordParser Bind(JsonFieldSet fields);
}

/// <summary>Turns one JSON object into an incident, or says why it is not one.</summary>
public interface IJsonRecordParser
{
    /// <exception cref="Domain.Errors.InputException">The object is bad; the message names <c>data[i].field</c>.</exception>
    RowResult Parse(JsonRecord record);
}
