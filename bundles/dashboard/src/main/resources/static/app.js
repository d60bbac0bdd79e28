'use strict';
// Shared by every page: the CSRF token from <meta name="csrf">, POST with it, and DOM helpers.
window.Op = (function () {
  const csrf = document.querySelector('meta[name="csrf"]').content;

  async function post(url, fields, body, type) {
    const headers = {'X-CSRF-Token': csrf};
    let payload = body;
    if (fields) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      payload = new URLSearchParams(fields);
    } else if (type) {
      headers['Content-Type'] = type;
    }
    const res = await fetch(url, {method: 'POST', headers: headers, body: payload, credentials: 'same-origin'});
    let json = {};
    try {
      json = await res.json();
    } catch (e) {
      json = {error: 'HTTP ' + res.status};
    }
    return {ok: res.ok, status: res.status, json: json};
  }

  function say(result) {
    const message = document.getElementById('action-message');
    const error = document.getElementById('action-error');
    message.textContent = result.ok ? (result.json.message || 'done') : '';
    error.textContent = result.ok ? '' : (result.json.error || ('HTTP ' + result.status));
  }

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) {
      e.textContent = String(text);
    }
    if (cls) {
      e.className = cls;
    }
    return e;
  }

  function chip(status) {
    return el('span', status, 'chip chip-' + String(status).toLowerCase());
  }

  // A table of plain-text cells, replacing the content of holder.
  function table(holder, cls, header, rows) {
    const t = el('table', null, cls);
    const head = t.createTHead().insertRow();
    header.forEach(h => head.appendChild(el('th', h)));
    const body = t.createTBody();
    rows.forEach(r => {
      const tr = body.insertRow();
      r.forEach(c => tr.appendChild(el('td', c)));
    });
    holder.replaceChildren(t);
  }

  return {post: post, say: say, el: el, chip: chip, table: table};
})();
