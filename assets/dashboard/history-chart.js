/* global document, uPlot */
// Draws the "rows met over time" chart with uPlot from the JSON the page embeds. The same data is
// in a table on the page, so the chart is an addition, never the only way to read it.
(function () {
  "use strict";
  var target = document.getElementById("history-chart");
  var source = document.getElementById("history-data");
  if (!target || !source || typeof uPlot !== "function") return;
  var points = JSON.parse(source.textContent || "[]");
  if (points.length < 2) return;
  var times = points.map(function (point) {
    return point[0];
  });
  var met = points.map(function (point) {
    return point[1];
  });
  var rows = points.reduce(function (max, point) {
    return Math.max(max, point[2]);
  }, 0);
  var width = Math.min(target.clientWidth || 640, 768);
  target.dataset.rendered = "true";
  new uPlot(
    {
      width: width,
      height: 220,
      scales: { y: { range: [0, rows] } },
      series: [{}, { label: "Rows met", stroke: "#1a7f37", width: 2, points: { show: true } }],
      axes: [{}, { label: "Rows met" }],
    },
    [times, met],
    target,
  );
})();
