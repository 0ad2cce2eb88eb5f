// Charts of the supervision pages: each <div data-chart="line|bar|hbar|pie" data-labels='[...]' data-series='[{"name":..,"data":[..]}]'>
// is drawn with ECharts (from the webjar); the same figures stand in a table next to it. Charts follow the screen's width.
document.addEventListener('DOMContentLoaded', function () {
  if (typeof echarts === 'undefined') { return; }
  var palette = ['#1f4e8c', '#b5481b', '#2f7d4f', '#7a4fa0', '#8a6d00', '#0f6e7a'];
  var charts = [];
  document.querySelectorAll('[data-chart]').forEach(function (el) {
    var kind = el.getAttribute('data-chart');
    var labels = JSON.parse(el.getAttribute('data-labels') || '[]');
    var series = JSON.parse(el.getAttribute('data-series') || '[]');
    if (kind === 'hbar') { el.style.height = Math.max(240, labels.length * 34 + 70) + 'px'; }
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    var option;
    if (kind === 'pie') {
      option = {
        color: palette, tooltip: { trigger: 'item' }, legend: { bottom: 0, type: 'scroll' },
        // on a phone the slices' labels were cut at the edges: there the legend and the tooltip name them
        series: [{ type: 'pie', radius: ['35%', '65%'], label: { show: el.clientWidth >= 500 },
          data: labels.map(function (l, i) { return { name: l, value: series[0].data[i] }; }) }]
      };
    } else if (kind === 'hbar') {
      // one bar per body, names readable on a phone: the chart grows with the number of bodies
      option = {
        color: palette, tooltip: { trigger: 'axis' }, legend: { top: 0, type: 'scroll' },
        grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
        yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { width: 110, overflow: 'truncate' } },
        // amounts in 万 and fewer ticks: full figures ran into each other on a phone ("50,000100,000150,000")
        xAxis: { type: 'value', splitNumber: el.clientWidth < 500 ? 3 : 5,
          axisLabel: { hideOverlap: true, formatter: function (v) { return Math.abs(v) >= 10000 ? (v / 10000).toLocaleString('zh-CN') + '万' : v.toLocaleString('zh-CN'); } } },
        series: series.map(function (s) { return { name: s.name, type: 'bar', data: s.data }; })
      };
    } else {
      option = {
        color: palette, tooltip: { trigger: 'axis' }, legend: { top: 0, type: 'scroll' },
        // rotated month labels reach left of the first tick: room for them
        grid: { left: labels.length > 6 ? 28 : 8, right: 8, top: 32, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: labels.length > 6 ? 40 : 0 } },
        yAxis: { type: 'value', minInterval: 1 },
        series: series.map(function (s) { return { name: s.name, type: kind, data: s.data, smooth: kind === 'line' }; })
      };
    }
    chart.setOption(option);
    charts.push({ chart: chart, el: el, kind: kind });
  });
  window.addEventListener('resize', function () {
    charts.forEach(function (c) {
      if (c.kind === 'pie') { c.chart.setOption({ series: [{ label: { show: c.el.clientWidth >= 500 } }] }); }
      c.chart.resize();
    });
  });
});
