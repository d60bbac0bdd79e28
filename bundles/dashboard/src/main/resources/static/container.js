'use strict';
// The Container page: tables kept live from /api/container/events; a jar upload into the plugins folder.
(function () {
  const events = new EventSource('/api/container/events');
  events.onmessage = function (e) {
    const c = JSON.parse(e.data);
    Op.table(document.getElementById('components'), 'components', ['kind', 'name', 'description', 'bundle', 'version'],
      c.components.map(x => [x.kind, x.name, x.description, x.bundle, x.version]));
    Op.table(document.getElementById('plugins'), 'plugins', ['jar'], c.plugins.map(p => [p]));
    Op.table(document.getElementById('stale'), 'stale', ['id', 'bundle', 'version', 'why', 'runs holding it'],
      c.stale.map(s => [s.bundleId, s.bundle, s.version, s.uninstalled ? 'uninstalled' : 'updated', s.runs.join(', ')]));
    Op.table(document.getElementById('bundles'), 'bundles', ['id', 'bundle', 'version', 'state'],
      c.bundles.map(b => [b.id, b.name, b.version, b.state]));
  };
  document.getElementById('upload-form').addEventListener('submit', async e => {
    e.preventDefault();
    const file = document.getElementById('upload-file').files[0];
    if (!file) {
      Op.say({ok: false, status: 400, json: {error: 'choose a .jar file first'}});
      return;
    }
    document.getElementById('action-message').textContent = 'checking ' + file.name + ' …';
    document.getElementById('verify-report').textContent = '';
    const result = await Op.post('/api/plugins?name=' + encodeURIComponent(file.name), null, file,
      'application/java-archive');
    document.getElementById('verify-report').textContent = result.json.report || '';
    Op.say(result);
  });
})();
