// Charts of the 766 index pages: each <div data-index766-chart="groups|bar|line" data-chart-data='{...}'> is drawn
// with ECharts. Without JavaScript the same numbers are in the tables next to the charts.
(function () {
  "use strict";
  function draw(el) {
    var d = JSON.parse(el.dataset.chartData);
    var kind = el.dataset.index766Chart;
    var option;
    if (kind === "groups") {
      option = {
        tooltip: { trigger: "axis" }, legend: { top: 0 },
        grid: { left: 8, right: 8, bottom: 8, top: 32, containLabel: true },
        xAxis: { type: "value" }, yAxis: { type: "category", data: d.labels, inverse: true },
        series: [
          { name: d.names[0], type: "bar", data: d.score },
          { name: d.names[1], type: "bar", data: d.computable },
          { name: d.names[2], type: "bar", data: d.max }
        ]
      };
    } else if (kind === "bar") {
      option = {
        tooltip: { trigger: "axis" }, grid: { left: 8, right: 8, bottom: 8, top: 8, containLabel: true },
        xAxis: { type: "value" }, yAxis: { type: "category", data: d.labels, inverse: true },
        series: [{ name: d.name, type: "bar", data: d.values }]
      };
    } else {
      option = {
        tooltip: { trigger: "axis" }, grid: { left: 8, right: 8, bottom: 8, top: 16, containLabel: true },
        xAxis: { type: "category", data: d.labels }, yAxis: { type: "value", min: 0, max: 100 },
        series: [{ name: d.name, type: "line", data: d.values }]
      };
    }
    window.echarts.init(el).setOption(option);
  }
  document.addEventListener("DOMContentLoaded", function () {
    if (!window.echarts) { return; }
    document.querySelectorAll("[data-index766-chart]").forEach(function (el) {
      try { draw(el); } catch (err) { el.textContent = ""; }
    });
  });
}());
