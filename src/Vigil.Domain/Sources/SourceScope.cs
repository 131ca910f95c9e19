namespace Vigil.Domain.Sources;

/// <summary>
/// Which sources a casualty figure counts (<c>--sources</c>). <see cref="Independent"/> is the default and the
/// incident's own figure: party claims left out. <see cref="All"/> takes independent sources first and widens the
/// range to every credible source, party claims included. <see cref="Party"/> is the party claims alone.
/// </summary>
public enum SourceScope
{
    Independent,
    All,
    Party,
}
