'use strict';
// A run's page: curves from the metrics API, then live from the event stream; Stop, Resume, Swap.
(function () {
  const root = document.getElementById('run');
  const id = root.dataset.run;
  const base = '/api/runs/' + encodeURIComponent(id);
  const charts = OpCharts.single(document.getElementById('charts'));
  let provenance = -1;

  function status(s) {
    if (s) {
      document.getElementById('status').replaceChildren(Op.chip(s));
    }
  }

  async function refreshProvenance() {
    const res = await fetch(base + '/provenance', {credentials: 'same-origin'});
    if (res.ok) {
      document.getElementById('provenance').textContent = await res.text();
    }
  }

  function listen() {
    const events = new EventSource(base + '/events?after=' + charts.last());
    events.onmessage = function (e) {
      const d = JSON.parse(e.data);
      Object.keys(d.series).forEach(m => charts.add(m, d.series[m][0], d.series[m][1]));
      document.getElementById('steps').textContent = String(Math.max(charts.last(), 0));
      status(d.status);
      if (provenance !== -1 && d.provenance !== provenance) {
        refreshProvenance();
      }
      provenance = d.provenance;
    };
  }

  fetch(base + '/metrics?max=2000', {credentials: 'same-origin'})
    .then(r => r.json())
    .then(list => {
      // losses first, then the other metrics by name
      list.sort((a, b) => (/loss/.test(b.metric) - /loss/.test(a.metric)) || a.metric.localeCompare(b.metric));
      list.forEach(s => charts.add(s.metric, s.steps, s.values));
      listen();
    });

  document.getElementById('stop').addEventListener('click', async () => Op.say(await Op.post(base + '/stop', {})));
  document.getElementById('resume').addEventListener('click', async () => Op.say(await Op.post(base + '/resume', {})));
  document.getElementById('swap-form').addEventListener('submit', async e => {
    e.preventDefault();
    const changes = document.getElementById('swap-changes').value;
    Op.say(await Op.post(base + '/swap', {changes: changes}));
  });
})();
