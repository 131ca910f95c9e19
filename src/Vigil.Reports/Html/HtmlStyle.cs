namespace Vigil.Reports.Html;

/// <summary>The report page's stylesheet: inline, no web fonts, A4 when printed.</summary>
internal static class HtmlStyle
{
    public const string Css = """
        :root { --ink: #1d1d1f; --muted: #5f6368; --rule: #d9d9d9; --accent: #b22222; --band: #f6f6f4; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 60rem; padding: 2rem 1.5rem 4rem; color: var(--ink);
          font: 15px/1.5 "DejaVu Sans", Verdana, "Bitstream Vera Sans", Arial, sans-serif; }
        svg text { font-family: "DejaVu Sans", Verdana, "Bitstream Vera Sans", Arial, sans-serif; }
        h1 { font-size: 1.9rem; margin: 0 0 .3rem; line-height: 1.2; }
        h2 { font-size: 1.25rem; margin: 2.2rem 0 .8rem; padding-bottom: .3rem; border-bottom: 2px solid var(--ink); }
        h3 { font-size: 1rem; margin: 1.4rem 0 .5rem; }
        .subtitle { color: var(--muted); margin: 0 0 1.5rem; }
        .headlines { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: .8rem; }
        .headline { background: var(--band); border-top: 4px solid var(--accent); padding: .8rem 1rem; break-inside: avoid; }
        .headline .label { font-weight: bold; color: var(--muted); text-transform: uppercase; font-size: .8rem; letter-spacing: .04em; }
        .headline .value { font-size: 2.2rem; font-weight: bold; line-height: 1.2; }
        .headline .change, .headline .unknown { font-size: .85rem; margin: .3rem 0 0; }
        .headline .unknown { color: var(--muted); }
        .statements li { margin: .3rem 0; }
        figure { margin: 1rem 0; break-inside: avoid; }
        figure svg { display: block; width: 100%; height: auto; }
        figcaption { color: var(--muted); font-size: .85rem; margin-top: .4rem; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .9rem; }
        th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--rule); }
        th { border-bottom: 2px solid var(--ink); }
        td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.date { white-space: nowrap; font-variant-numeric: tabular-nums; }
        tr { break-inside: avoid; }
        .sources { margin: 0; padding-left: 1.1rem; }
        .note { color: var(--muted); font-size: .85rem; }
        a { color: #1a4d8f; overflow-wrap: anywhere; }
        footer { margin-top: 3rem; color: var(--muted); font-size: .8rem; border-top: 1px solid var(--rule); padding-top: .6rem; }
        @page { size: A4; margin: 15mm; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10pt; }
          h2 { break-after: avoid; }
          a { color: inherit; }
        }
        """;
}
