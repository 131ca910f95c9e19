namespace Vigil.Domain.Incidents;

/// <summary>A report an incident rests on: the outlet or office, its date, headline and link.</summary>
public sealed record SourceReference(string? Name, DateOnly? Published, string? Headline, string? Url);
