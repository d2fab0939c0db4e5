// Offline use of the patient's exercises: registers the service worker, fetches every exercise of
// today's list once so it is on the phone, and queues logs made without a connection. Each queued
// log keeps its clientKey, so sending it twice (a retry, two tabs) still stores it once.
(function () {
  var QUEUE = 'limber-log-queue';
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/sw.js', {scope: '/'}).catch(function () {});
  }
  function queue() {
    try { return JSON.parse(localStorage.getItem(QUEUE) || '[]'); } catch (e) { return []; }
  }
  function save(items) { localStorage.setItem(QUEUE, JSON.stringify(items)); }
  function status(text) {
    var box = document.getElementById('offline-status');
    if (box) { box.textContent = text; box.hidden = !text; }
  }
  function flush() {
    var items = queue();
    if (!items.length || !navigator.onLine) {
      if (items.length) { status(items.length + (items.length === 1 ? ' log is' : ' logs are') + ' saved on this phone and will be sent when you are back online.'); }
      return Promise.resolve();
    }
    var left = [];
    // one at a time, in the order they were made
    return items.reduce(function (previous, item) {
      return previous.then(function () {
        return fetch(item.action, {method: 'POST', body: item.body, credentials: 'same-origin', redirect: 'manual',
                                   headers: {'Content-Type': 'application/x-www-form-urlencoded'}})
          .then(function (response) { if (!(response.type === 'opaqueredirect' || response.ok)) { left.push(item); } })
          .catch(function () { left.push(item); });
      });
    }, Promise.resolve()).then(function () {
      save(left);
      status(left.length ? left.length + ' log(s) could not be sent yet.' : 'Your saved logs have been sent.');
    });
  }
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (navigator.onLine || !form.matches('form[data-offline-queue]')) { return; }
    event.preventDefault();
    var items = queue();
    items.push({action: form.action, body: new URLSearchParams(new FormData(form)).toString()});
    save(items);
    status('Saved on this phone. It will be sent when you are back online.');
    window.scrollTo(0, 0);
  });
  window.addEventListener('online', flush);
  // After any queued logs are sent, fetch each of today's exercises once (one at a time) so they are on the phone.
  document.addEventListener('DOMContentLoaded', function () {
    flush().then(function () {
      if (!navigator.onLine) { return; }
      Array.prototype.reduce.call(document.querySelectorAll('a[data-precache]'), function (previous, link) {
        return previous.then(function () { return fetch(link.href, {credentials: 'same-origin'}).catch(function () {}); });
      }, Promise.resolve());
    });
  });
})();
