'use strict';
// Line charts with uPlot, one per metric: x is the step, y the metric, on a log scale (marked in the
// title and axis) when every value is positive and the metric is a loss or spans more than two decades.
window.OpCharts = (function () {
  const colors = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf'];

  function wantsLog(name, values) {
    const finite = values.filter(v => v !== null && Number.isFinite(v));
    if (finite.length === 0 || finite.some(v => v <= 0)) {
      return false;
    }
    const max = Math.max(...finite);
    const min = Math.min(...finite);
    return /loss/.test(name) || max / min > 100;
  }

  // Two charts side by side on a laptop screen.
  function width(holder) {
    return Math.max(320, Math.min(Math.floor(((holder.clientWidth || 1280) - 40) / 2), 640));
  }

  // Tick labels: powers of ten on a log axis (1e-6), short numbers on a linear one.
  function ticks(log) {
    return (u, values) => values.map(v => {
      if (v === null || v === undefined) {
        return '';
      }
      if (log) {
        return v.toExponential(0).replace('e+', 'e');
      }
      const a = Math.abs(v);
      return a !== 0 && (a < 1e-3 || a >= 1e5) ? v.toExponential(1).replace('e+', 'e') : String(+v.toPrecision(4));
    });
  }

  // A chart of one metric with one line per label; data = [steps, values per label...].
  function make(holder, metric, labels, data) {
    const log = wantsLog(metric, data.slice(1).flat());
    const box = document.createElement('div');
    box.className = 'chart';
    box.dataset.metric = metric;
    box.dataset.log = String(log);
    box.dataset.series = String(labels.length + 1);
    holder.appendChild(box);
    const series = [{label: 'step'}];
    labels.forEach((l, i) => series.push({label: l, stroke: colors[i % colors.length], width: 1.5, spanGaps: true}));
    const opts = {
      title: metric + (log ? ' (log scale)' : ''),
      width: width(holder),
      height: 240,
      scales: {x: {time: false}, y: log ? {distr: 3} : {}},
      axes: [{label: 'step', values: ticks(false)},
        {label: log ? 'value, log scale' : 'value', size: 64, values: ticks(log)}],
      series: series
    };
    const clean = d => log ? d.map((col, i) => i === 0 ? col : col.map(v => v !== null && v > 0 ? v : null)) : d;
    const plot = new uPlot(opts, clean(data), box);
    box.dataset.points = String(data[0].length);
    return {
      plot: plot,
      box: box,
      set: function (d) {
        plot.setData(clean(d));
        box.dataset.points = String(d[0].length);
      }
    };
  }

  // Charts of one run: add(metric, steps, values) appends the steps after the last one it has.
  function single(holder) {
    const charts = {};
    return {
      add: function (metric, steps, values) {
        let c = charts[metric];
        if (!c) {
          c = charts[metric] = {data: [[], []], chart: null};
        }
        const last = c.data[0].length ? c.data[0][c.data[0].length - 1] : -Infinity;
        for (let i = 0; i < steps.length; i++) {
          if (steps[i] > last || (i > 0 && steps[i] > steps[i - 1] && steps[i - 1] > last)) {
            c.data[0].push(steps[i]);
            c.data[1].push(values[i]);
          }
        }
        if (!c.chart) {
          if (c.data[0].length > 0) {
            c.chart = make(holder, metric, [metric], c.data);
          }
        } else {
          c.chart.set(c.data);
        }
      },
      last: function () {
        let last = -1;
        Object.values(charts).forEach(c => {
          if (c.data[0].length) {
            last = Math.max(last, c.data[0][c.data[0].length - 1]);
          }
        });
        return last;
      }
    };
  }

  return {make: make, single: single, ticks: ticks, wantsLog: wantsLog, width: width};
})();
