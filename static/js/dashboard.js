// The dashboard's charts, drawn by Chart.js served from the portal itself. The numbers come from the page's
// json_script block; every figure is also in a table on the page, with links to the rows behind it.
(function () {
  "use strict";
  // Choosing another contest reloads the page (no inline handler: the Content-Security-Policy forbids them).
  var contest = document.getElementById("d-contest");
  if (contest) { contest.addEventListener("change", function () { contest.form.submit(); }); }
  var source = document.getElementById("dashboard-data");
  var script = document.getElementById("dashboard-script");
  if (!source || !script || typeof Chart === "undefined") { return; }
  var data = JSON.parse(source.textContent);
  var labels = script.dataset;
  var won = new Intl.NumberFormat(document.documentElement.lang || "ko");
  // Money axes count in 억원 (hundred millions of won), as Korean budget tables do; the tables keep the won.
  var eok = new Intl.NumberFormat(document.documentElement.lang || "ko", { maximumFractionDigits: 1 });
  var moneyAxis = { ticks: { callback: function (value) {
    return (labels.hundredMillions || "{n}").replace("{n}", eok.format(value / 100000000));
  } } };

  new Chart(document.getElementById("chart-money"), {
    type: "bar",
    data: { labels: data.money.labels, datasets: [
      { label: labels.agreed, data: data.money.agreed, backgroundColor: "#6ea8fe" },
      { label: labels.disbursed, data: data.money.disbursed, backgroundColor: "#198754" }
    ] },
    options: { scales: { y: moneyAxis }, animation: false, plugins: { tooltip: { callbacks: {
      // an amount read from the chart in the portal's money style (core.formats): 1,000,000,000원
      label: function (item) {
        return item.dataset.label + ": " + (labels.money || "{n}").replace("{n}", won.format(item.parsed.y));
      } } } } }
  });
  new Chart(document.getElementById("chart-provinces"), {
    type: "bar",
    data: { labels: data.provinces.labels, datasets: [
      { label: labels.tasks, data: data.provinces.counts, backgroundColor: "#3d8bfd" }
    ] },
    options: { indexAxis: "y", scales: { x: { ticks: { precision: 0 } } }, animation: false,
               plugins: { legend: { display: false } } }
  });
  new Chart(document.getElementById("chart-kpis"), {
    type: "bar",
    data: { labels: data.kpis.labels, datasets: [
      { label: labels.achievement, data: data.kpis.achievement, backgroundColor: "#fd7e14" }
    ] },
    options: { scales: { y: { beginAtZero: true, suggestedMax: 100 } }, animation: false,
               plugins: { legend: { display: false } } }
  });
}());
