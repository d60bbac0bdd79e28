'use strict';
// Compare: every run's curves, one chart per metric, one line per run (steps aligned on their union).
(function () {
  const ids = document.getElementById('compare-runs').dataset.runs.split(' ');
  const holder = document.getElementById('charts');
  Promise.all(ids.map(id => fetch('/api/runs/' + encodeURIComponent(id) + '/metrics?max=1000',
      {credentials: 'same-origin'}).then(r => r.json()))).then(all => {
    const byMetric = {};
    all.forEach((list, i) => list.forEach(s => {
      (byMetric[s.metric] = byMetric[s.metric] || {})[i] = s;
    }));
    Object.keys(byMetric).sort().forEach(metric => {
      const per = byMetric[metric];
      const steps = Array.from(new Set(Object.values(per).flatMap(s => s.steps))).sort((a, b) => a - b);
      const data = [steps];
      ids.forEach((id, i) => {
        const s = per[i];
        const at = new Map();
        if (s) {
          s.steps.forEach((x, k) => at.set(x, s.values[k]));
        }
        data.push(steps.map(x => at.has(x) ? at.get(x) : null));
      });
      OpCharts.make(holder, metric, ids, data);
    });
  });
})();
