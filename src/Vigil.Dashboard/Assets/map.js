// The interactive district map (Leaflet, bundled from npm at build time; no tile server: the districts are the map).
// Progressive enhancement: the container holds the server-drawn SVG map, which stays when this script or Leaflet does
// not run.
//
// <div class="map" data-geojson="/map/districts.geojson?from=...">
//
// The figures come from the same filters as the page: each district coloured by killed, with a tooltip naming it and
// giving its killed and incidents, its name shown once zoomed in, circles sized by incidents, pan and zoom.
(function () {
  "use strict";
  if (typeof L === "undefined") return;

  var LABEL_ZOOM = 7; // district names from this zoom on; below it they would cover the map

  function number(v) { return v.toLocaleString("en-US"); }
  function plural(n, one, many) { return number(n) + " " + (n === 1 ? one : many); }
  function element(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function tooltip(p) {
    var box = element("div", "district-tip");
    box.appendChild(element("strong", null, p.district));
    box.appendChild(document.createTextNode(", " + [p.province, p.country].filter(Boolean).join(", ")));
    if (p.in_scope) {
      box.appendChild(element("br"));
      box.appendChild(document.createTextNode(plural(p.killed, "killed", "killed") + " · " + plural(p.incidents, "incident", "incidents")));
    } else {
      box.appendChild(element("br"));
      box.appendChild(document.createTextNode("outside the province mapped"));
    }
    return box;
  }

  function legend(data) {
    var control = L.control({ position: "bottomright" });
    control.onAdd = function () {
      var box = element("div", "map-legend");
      box.appendChild(element("strong", null, "Killed"));
      data.classes.forEach(function (c) {
        var row = element("div");
        var swatch = element("span", "swatch");
        swatch.style.background = c.fill;
        row.appendChild(swatch);
        row.appendChild(document.createTextNode(c.label));
        box.appendChild(row);
      });
      var none = element("div");
      var grey = element("span", "swatch");
      grey.style.background = data.none_fill;
      none.appendChild(grey);
      none.appendChild(document.createTextNode("none recorded"));
      box.appendChild(none);
      box.appendChild(element("div", "note", "Circles: incidents"));
      return box;
    };
    return control;
  }

  function draw(box, data) {
    var holder = element("div", "leaflet-holder");
    holder.setAttribute("role", "application");
    holder.setAttribute("aria-label", (data.title || "District map") + ". Drag to pan, use + and − or the mouse wheel to zoom.");
    box.classList.add("enhanced");
    box.insertBefore(holder, box.firstChild);
    if (data.title) box.insertBefore(element("p", "map-title", data.title), holder);
    var map = L.map(holder, { zoomSnap: 0.25, attributionControl: true, preferCanvas: false });
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Boundaries: geoBoundaries (ADM2), simplified · Leaflet");

    var layer = L.geoJSON(data, {
      style: function (f) {
        return {
          fillColor: f.properties.fill, fillOpacity: f.properties.in_scope ? 0.9 : 0.5,
          color: "#ffffff", weight: 0.7, className: "district",
        };
      },
      onEachFeature: function (f, shape) {
        shape.bindTooltip(tooltip(f.properties), { sticky: true, className: "district-tooltip" });
        shape.on("add", function () {
          var path = shape.getElement && shape.getElement();
          if (path) {
            path.setAttribute("data-district", f.properties.district);
            path.setAttribute("data-id", f.id || "");
          }
        });
        shape.on("mouseover", function () { shape.setStyle({ weight: 2, color: "#222222" }); });
        shape.on("mouseout", function () { layer.resetStyle(shape); });
      },
    }).addTo(map);

    // District names, placed at the centre of each district's box, shown from LABEL_ZOOM on.
    var labels = L.layerGroup();
    layer.eachLayer(function (shape) {
      var p = shape.feature.properties;
      if (!p.in_scope) return;
      labels.addLayer(L.tooltip({ permanent: true, direction: "center", className: "district-label", interactive: false })
        .setLatLng(shape.getBounds().getCenter()).setContent(element("span", null, p.district)));
    });

    var circles = L.layerGroup();
    var most = data.points.reduce(function (m, p) { return Math.max(m, p.incidents); }, 1);
    data.points.forEach(function (p) {
      circles.addLayer(L.circleMarker([p.lat, p.lon], {
        radius: 3 + 17 * Math.sqrt(p.incidents / most), color: "#1f3b57", weight: 1, fillColor: "#2b5d8a", fillOpacity: 0.35,
        interactive: false, className: "incident-circle",
      }));
    });
    circles.addTo(map);
    legend(data).addTo(map);

    function showLabels() {
      var zoomed = map.getZoom() >= LABEL_ZOOM;
      if (zoomed && !map.hasLayer(labels)) labels.addTo(map);
      if (!zoomed && map.hasLayer(labels)) map.removeLayer(labels);
      box.setAttribute("data-zoom", String(map.getZoom()));
    }
    map.on("zoomend", showLabels);
    var inScope = L.featureGroup();
    layer.eachLayer(function (shape) { if (shape.feature.properties.in_scope) inScope.addLayer(shape); });
    map.fitBounds((inScope.getLayers().length ? inScope : layer).getBounds(), { padding: [8, 8] });
    showLabels();
    box._vigilMap = map;
    box._vigilLayer = layer;
  }

  document.querySelectorAll(".map[data-geojson]").forEach(function (box) {
    fetch(box.getAttribute("data-geojson"), { headers: { Accept: "application/geo+json" }, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data && data.features && data.features.length) draw(box, data); })
      .catch(function () { /* the server-drawn map stays */ });
  });
})();
