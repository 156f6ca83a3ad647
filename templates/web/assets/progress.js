// Live progress of a send started from the console: polls the page's JSON route (data-source) each
// second and fills the elements marked data-field until the send has finished. No inline script:
// the console's Content-Security-Policy allows script files of this server only.
(function () {
  'use strict';
  var root = document.getElementById('progress');
  if (!root) {
    return;
  }
  var source = root.getAttribute('data-source');

  function show(p) {
    document.getElementById('bar').value = p.percent;
    root.querySelectorAll('[data-field]').forEach(function (el) {
      var value = p[el.getAttribute('data-field')];
      el.textContent = value === null || value === undefined ? '' : String(value);
      if (el.id === 'note' || el.id === 'error') {
        el.hidden = el.textContent === '';
      }
    });
    if (p.finished) {
      document.getElementById('finished').hidden = false;
      root.setAttribute('data-finished', 'true');
    }
    return p.finished;
  }

  function poll() {
    fetch(source, {credentials: 'same-origin', headers: {'Accept': 'application/json'}, cache: 'no-store'})
      .then(function (response) { return response.json(); })
      .then(function (p) {
        if (!p.started || !show(p)) {
          setTimeout(poll, 1000);
        }
      })
      .catch(function () { setTimeout(poll, 3000); });
  }

  if (root.getAttribute('data-finished') !== 'true') {
    poll();
  }
})();
