// Draws every <canvas data-chart> from the JSON in its data attributes (no inline script: strict CSP).
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var labels = JSON.parse(canvas.dataset.labels);
    var series = JSON.parse(canvas.dataset.series);
    var colours = ["#005eb8", "#ffb81c", "#d5281b", "#007f3b", "#4c6272", "#330072", "#ed8b00"];
    new Chart(canvas, {
      type: canvas.dataset.chart,
      data: {
        labels: labels,
        datasets: series.map(function (s, i) {
          return { label: s.label, data: s.data, backgroundColor: colours[i % colours.length], borderColor: colours[i % colours.length],
                   spanGaps: true };
        })
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: { x: { stacked: canvas.dataset.stacked === "true" }, y: { stacked: canvas.dataset.stacked === "true", beginAtZero: true } },
        plugins: { legend: { position: "bottom" } }
      }
    });
  });
});
