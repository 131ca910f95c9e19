namespace Vigil.Domain.Sources;

/// <summary>
/// How well an incident is sourced, worst to best (the order <c>min_grade</c> compares): <see cref="Discounted"/> —
/// no credible source; <see cref="Contested"/> — credible sources disagree on the figures beyond
/// <see cref="FigureRule.Disagree"/>; <see cref="Weak"/> — a single independent source of low or unknown reliability,
/// only party claims, or no source; <see cref="Fair"/> — one independent source graded A–C, or two independent sources;
/// <see cref="Confirmed"/> — two or more independent sources graded A–C. Defined in docs/method.md ("Sources and grades").
/// </summary>
public enum IncidentGrade
{
    Discounted,
    Contested,
    Weak,
    Fair,
    Confirmed,
}
