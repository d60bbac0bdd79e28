'use strict';
// The Runs page: the table rendered by the server, then kept live from /api/events/runs with the page's
// filters, sort and offset (new runs appear, status chips change); checked rows stay checked.
(function () {
  const holder = document.getElementById('runs-table');
  const pager = document.getElementById('pager');
  const params = new URLSearchParams(location.search);

  function cell(tr, child) {
    const td = tr.insertCell();
    if (child !== null) {
      td.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    }
  }

  function link(href, text) {
    const a = Op.el('a', text);
    a.href = href;
    return a;
  }

  function page(offset) {
    const p = new URLSearchParams(params);
    p.set('offset', String(offset));
    return '/runs?' + p.toString();
  }

  function render(data) {
    if (!holder) {
      location.reload(); // the store was created after this page: render it with its table
      return;
    }
    const checked = new Set(Array.from(holder.querySelectorAll('input[name="run"]:checked')).map(c => c.value));
    const body = document.createElement('tbody');
    data.runs.forEach(r => {
      const tr = body.insertRow();
      const box = Op.el('input');
      box.type = 'checkbox';
      box.name = 'run';
      box.value = r.id;
      box.setAttribute('form', 'compare');
      box.checked = checked.has(r.id);
      cell(tr, box);
      cell(tr, link('/run/' + encodeURIComponent(r.id), r.id));
      cell(tr, Op.chip(r.status));
      cell(tr, String(r.seed));
      cell(tr, String(r.steps));
      cell(tr, r.loss === null ? '' : r.loss.toPrecision(4));
      cell(tr, r.seconds === null ? '' : r.seconds.toFixed(1));
      cell(tr, r.created.replace('T', ' ').substring(0, 19));
      cell(tr, r.sweep ? link('/sweep/' + encodeURIComponent(r.sweep), r.sweep) : '');
      cell(tr, r.tags.join(', '));
    });
    holder.querySelector('table.runs tbody').replaceWith(body);
    const to = data.offset + data.runs.length;
    const limit = data.limit || 50;
    pager.replaceChildren('runs ' + (data.runs.length ? data.offset + 1 : 0) + '–' + to + ' of ' + data.total);
    if (data.offset > 0) {
      pager.append(' ', link(page(Math.max(0, data.offset - limit)), 'previous'));
    }
    if (to < data.total) {
      pager.append(' ', link(page(to), 'next'));
    }
  }

  const events = new EventSource('/api/events/runs?' + params.toString());
  events.onmessage = e => render(JSON.parse(e.data));
})();
