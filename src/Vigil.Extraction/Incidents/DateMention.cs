using Vigil.Domain.Incidents;

namespace Vigil.Extraction.Incidents;

/// <summary>A date expression resolved to days: "on Monday" against the publication date, "12 March 2023" as given.</summary>
public sealed record DateMention(IncidentDate Date, int Start, int End, string Text, string Rule, int FirstToken);
