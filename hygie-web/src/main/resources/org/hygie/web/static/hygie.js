// Hygie dashboard: small progressive scripts, loaded from this file only (the pages allow no inline script).
(function () {
  'use strict';
  // A page that is waiting (audit running) reloads itself after data-reload seconds.
  var waiting = document.querySelector('[data-reload]');
  if (waiting) {
    setTimeout(function () { window.location.reload(); }, 1000 * Number(waiting.getAttribute('data-reload')));
  }
  // A job page follows the job until it ends, then reloads to show the result.
  var job = document.getElementById('job');
  if (job && job.getAttribute('data-done') === 'false') {
    var id = job.getAttribute('data-job');
    var bar = document.getElementById('job-progress');
    var text = document.getElementById('job-status');
    var poll = function () {
      fetch('/jobs/' + encodeURIComponent(id) + '/state', {credentials: 'same-origin', cache: 'no-store'})
        .then(function (r) { return r.json(); })
        .then(function (s) {
          if (bar) { bar.value = s.fraction; }
          if (text && s.status) { text.textContent = s.status; }
          if (s.done) { window.location.reload(); } else { setTimeout(poll, 500); }
        })
        .catch(function () { setTimeout(poll, 2000); });
    };
    setTimeout(poll, 300);
  }
})();
