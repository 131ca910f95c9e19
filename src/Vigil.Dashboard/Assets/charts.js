// Interactive trend charts (uPlot, bundled from npm at build time). Progressive enhancement: a chart container
// holds the server-drawn SVG, which stays the picture when this script or uPlot does not run.
//
// <div class="interactive-chart" data-series="/api/v1/statistics/series?by=month&metric=killed&..." data-until="2021-06">
//
// The script reads the whole history of the series from the API (the same scope as the page), draws incidents and
// killed month by month with the values of the month under the pointer, zooms by dragging across the chart (a double
// click shows the whole history again), and offers a range selector. A month no dataset covers is a gap, never 0.
(function () {
  "use strict";
  if (typeof uPlot === "undefined") return;

  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  var RANGES = [["2 years", 24], ["5 years", 60], ["10 years", 120], ["All", 0]];

  function monthStart(label) { // "2021-06" -> seconds since 1970 (UTC)
    var p = label.split("-");
    return Date.UTC(+p[0], +p[1] - 1, 1) / 1000;
  }
  function monthName(seconds) {
    var d = new Date(seconds * 1000);
    return MONTHS[d.getUTCMonth()] + " " + d.getUTCFullYear();
  }
  function number(v) { return v.toLocaleString("en-US"); }
  function plural(n, one, many) { return number(n) + " " + (n === 1 ? one : many); }

  function describe(x, incidents, killed, unknown) {
    if (incidents === null) return monthName(x) + ": no data (no dataset in scope covers this month)";
    var text = monthName(x) + ": " + plural(incidents, "incident", "incidents") + ", ";
    text += killed === null ? "killed not known" : number(killed) + " killed";
    if (unknown) text += " (" + plural(unknown, "incident", "incidents") + " with killed not known, not counted as 0)";
    return text;
  }

  function draw(box, answer) {
    var rows = answer.rows || [];
    if (rows.length === 0) return;
    var xs = [], incidents = [], killed = [], unknown = [];
    rows.forEach(function (r) {
      var covered = r.coverage !== "none" && r.incidents !== null;
      xs.push(monthStart(r.period));
      incidents.push(covered ? r.incidents : null);
      killed.push(covered ? r.killed_best : null);
      unknown.push(covered ? r.killed_unknown || 0 : 0);
    });

    var status = document.createElement("p");
    status.className = "chart-value";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    var scope = answer.scope && answer.scope.label ? answer.scope.label : "";
    var hint = "Point at a month for its figures; drag across the chart to zoom; double-click for the whole history.";
    status.textContent = hint;

    var ranges = document.createElement("div");
    ranges.className = "chart-ranges";
    ranges.setAttribute("role", "group");
    ranges.setAttribute("aria-label", "Range shown");

    var plot = document.createElement("div");
    plot.className = "chart-plot";
    var caption = document.createElement("p");
    caption.className = "note";
    caption.textContent = "Incidents and people killed (best estimates) per month, " + rows[0].period + " to " + rows[rows.length - 1].period
      + (scope ? " · " + scope : "") + ". A gap is a month no dataset in scope covers.";

    var until = box.getAttribute("data-until");
    var last = until ? xs.indexOf(monthStart(until)) : -1;
    if (last < 0) last = xs.length - 1;

    // The legend's value: a dash with no month under the pointer; "no data" for a month no dataset covers.
    function shown(u, v, series, idx) { return idx === null || idx === undefined ? "—" : v === null ? "no data" : number(v); }

    var width = Math.max(320, box.clientWidth || 800);
    var chart = new uPlot({
      width: width,
      height: 300,
      cursor: { drag: { x: true, y: false }, points: { size: 7 } },
      scales: { x: { time: true } },
      legend: { show: true, live: true },
      series: [
        { label: "Month", value: function (u, v) { return v === null ? "—" : monthName(v); } },
        { label: "Killed", scale: "n", stroke: "#bd0026", width: 2, spanGaps: false, value: shown },
        { label: "Incidents", scale: "n", stroke: "#2b5d8a", width: 1.5, spanGaps: false, value: shown },
      ],
      axes: [
        {},
        { scale: "n", values: function (u, vals) { return vals.map(function (v) { return number(v); }); }, size: 60 },
      ],
      hooks: {
        setCursor: [function (u) {
          var i = u.cursor.idx;
          status.textContent = i === null || i === undefined ? hint : describe(xs[i], incidents[i], killed[i], unknown[i]);
          if (i !== null && i !== undefined) status.setAttribute("data-period", rows[i].period);
        }],
        setScale: [function (u, key) {
          if (key !== "x") return;
          var span = Math.round((u.scales.x.max - u.scales.x.min) / (86400 * 30.44)) + 1;
          ranges.querySelectorAll("button").forEach(function (b) {
            var months = +b.getAttribute("data-months");
            b.setAttribute("aria-pressed", String(months === 0 ? span >= xs.length - 1 : Math.abs(span - months) <= 1));
          });
          box.setAttribute("data-range", monthLabel(u.scales.x.min) + "/" + monthLabel(u.scales.x.max));
        }],
      },
    }, [xs, killed, incidents], plot);

    function monthLabel(seconds) {
      var d = new Date(Math.round(seconds) * 1000 + 15 * 86400000); // the month the point lies in, not the day before
      return d.getUTCFullYear() + "-" + String(d.getUTCMonth() + 1).padStart(2, "0");
    }
    function show(months) {
      var from = months === 0 ? 0 : Math.max(0, last - months + 1);
      var to = months === 0 ? xs.length - 1 : last;
      chart.setScale("x", { min: xs[from], max: xs[to] });
    }
    RANGES.forEach(function (r) {
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = r[0];
      b.setAttribute("data-months", String(r[1]));
      b.addEventListener("click", function () { show(r[1]); });
      ranges.appendChild(b);
    });

    box.classList.add("enhanced");
    box.appendChild(ranges);
    box.appendChild(status);
    box.appendChild(plot);
    box.appendChild(caption);
    box._vigilChart = chart;
    box.setAttribute("data-months", String(xs.length));
    show(24);
    window.addEventListener("resize", function () { chart.setSize({ width: Math.max(320, box.clientWidth), height: 300 }); });
  }

  document.querySelectorAll(".interactive-chart[data-series]").forEach(function (box) {
    fetch(box.getAttribute("data-series"), { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (answer) { if (answer) draw(box, answer); })
      .catch(function () { /* the server-drawn picture stays */ });
  });
})();
