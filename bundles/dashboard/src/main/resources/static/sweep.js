'use strict';
// A sweep's page: progress and tables kept live from /api/sweeps/SWEEP/events (sent when they change),
// and the chosen final metric (mean over seeds, band from min to max) against the first swept parameter.
(function () {
  const id = document.getElementById('sweep').dataset.sweep;
  const select = document.getElementById('sweep-metric');
  const holder = document.getElementById('charts');
  let data = null;

  function swept(groups) {
    const values = {};
    groups.forEach(g => Object.keys(g.parameters).forEach(k => {
      (values[k] = values[k] || new Set()).add(g.parameters[k]);
    }));
    return Object.keys(values).sort().filter(k => values[k].size > 1);
  }

  function draw() {
    holder.replaceChildren();
    const keys = swept(data.groups);
    const metric = select.value;
    if (!keys.length || !metric) {
      holder.appendChild(Op.el('p', 'no finished point yet'));
      return;
    }
    const x = keys[0];
    const points = data.groups.filter(g => g.metrics[metric] && Number.isFinite(+g.parameters[x]))
      .map(g => [+g.parameters[x], g.metrics[metric]]).sort((a, b) => a[0] - b[0]);
    const xs = points.map(p => p[0]);
    const cols = [xs, points.map(p => p[1].mean), points.map(p => p[1].min), points.map(p => p[1].max)];
    const logX = xs.length > 1 && xs[0] > 0 && xs[xs.length - 1] / xs[0] >= 8;
    const logY = OpCharts.wantsLog(metric, cols.slice(1).flat());
    const box = Op.el('div', null, 'chart');
    box.dataset.metric = metric;
    holder.appendChild(box);
    new uPlot({
      title: metric + ' against ' + x + (logY ? ' (log scale)' : ''),
      width: OpCharts.width(holder) * 1.4, height: 280,
      scales: {x: {time: false, distr: logX ? 3 : 1}, y: logY ? {distr: 3} : {}},
      axes: [{label: x + (logX ? ', log scale' : ''), values: OpCharts.ticks(logX)},
        {label: logY ? 'final value, log scale' : 'final value', size: 64, values: OpCharts.ticks(logY)}],
      series: [{label: x}, {label: 'mean over seeds', stroke: '#1f77b4', width: 2},
        {label: 'min', stroke: '#9ec5e8', dash: [4, 4]}, {label: 'max', stroke: '#9ec5e8', dash: [4, 4]}],
      bands: [{series: [3, 2], fill: 'rgba(31,119,180,0.15)'}]
    }, cols, box);
  }

  function show(sweep) {
    data = sweep;
    const progress = document.getElementById('progress');
    progress.textContent = data.finished + ' of ' + data.total + ' runs finished';
    Op.table(document.getElementById('sweep-runs'), 'runs', ['id', 'status', 'seed', 'steps', 'loss'],
      data.runs.map(r => [r.id, r.status, r.seed, r.steps, r.loss === null ? '' : r.loss.toPrecision(4)]));
    const metrics = Array.from(new Set(data.groups.flatMap(g => Object.keys(g.metrics)))).sort();
    const chosen = select.value || (metrics.includes('train.loss') ? 'train.loss' : metrics[0]);
    select.replaceChildren(...metrics.map(m => {
      const o = Op.el('option', m);
      o.value = m;
      return o;
    }));
    if (chosen) {
      select.value = chosen;
    }
    draw();
  }

  select.addEventListener('change', draw);
  const events = new EventSource('/api/sweeps/' + encodeURIComponent(id) + '/events');
  // kept open after the last run finished: a run the store lists late (or a sweep resumed) still shows
  events.onmessage = e => show(JSON.parse(e.data));
})();
