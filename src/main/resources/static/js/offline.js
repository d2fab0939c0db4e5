// Offline use of the patient's exercises.
//
// On the first visit it registers the service worker and asks it to keep this page, today's
// exercise pages and the files they need, so everything works offline after one visit.
//
// Every log form (form[data-offline-queue]) gets its own key, the day and the moment when the
// person saves it, so two sessions saved offline (even with a reload between) are two logs, each on
// the day it was done. Without a connection the log is queued on the phone and sent, once each, when
// the phone is back online; the server stores a key once, so a retry never makes a second log.
(function () {
  var QUEUE = 'limber-log-queue';

  function queue() {
    try { return JSON.parse(localStorage.getItem(QUEUE) || '[]'); } catch (e) { return []; }
  }
  function save(items) { localStorage.setItem(QUEUE, JSON.stringify(items)); }
  function status(text) {
    var box = document.getElementById('offline-status');
    if (box) { box.textContent = text; box.hidden = !text; }
  }
  function newKey() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }
  function localDay(now) {
    function two(n) { return (n < 10 ? '0' : '') + n; }
    return now.getFullYear() + '-' + two(now.getMonth() + 1) + '-' + two(now.getDate());
  }
  function field(form, name) {
    var input = form.querySelector('input[name="' + name + '"]');
    if (!input) {
      input = document.createElement('input');
      input.type = 'hidden';
      input.name = name;
      form.appendChild(input);
    }
    return input;
  }
  function waiting(count) {
    return count + (count === 1 ? ' log is' : ' logs are') + ' saved on this phone and will be sent when you are back online.';
  }

  // --- saving ------------------------------------------------------------------------------------
  // The key is made when the person saves, and kept for this form until it is stored or queued, so a
  // double press sends one key; the next session (after a reload, too) gets a new one.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.matches('form[data-offline-queue]')) { return; }
    if (!form.dataset.key) {
      var now = new Date();
      form.dataset.key = newKey();
      form.dataset.day = localDay(now);
      form.dataset.doneAt = now.toISOString();
    }
    field(form, 'clientKey').value = form.dataset.key;
    field(form, 'day').value = form.dataset.day;
    field(form, 'doneAt').value = form.dataset.doneAt;
    if (navigator.onLine) { return; }

    event.preventDefault();
    var outcome = form.querySelectorAll('input[name="outcome"]');
    if (outcome.length && !form.querySelector('input[name="outcome"]:checked')) {
      status('Say whether you did the exercise, then save it.');
      delete form.dataset.key;
      return;
    }
    var items = queue();
    items.push({action: form.action, body: new URLSearchParams(new FormData(form)).toString(), day: form.dataset.day});
    save(items);
    delete form.dataset.key;
    form.reset();
    status('Saved on this phone. ' + waiting(items.length));
    window.scrollTo(0, 0);
  });

  // --- sending -----------------------------------------------------------------------------------
  // The queued forms carry the security token of the page they were saved on; the session may have
  // changed since, so the current token is read from a fresh page first.
  function freshToken() {
    return fetch('/my/exercises', {credentials: 'same-origin', redirect: 'manual', cache: 'no-store'})
      .then(function (response) {
        if (!response.ok) { return null; }
        return response.text().then(function (html) {
          var found = /name="_csrf"\s+value="([^"]+)"/.exec(html) || /value="([^"]+)"\s+name="_csrf"/.exec(html);
          return found ? found[1] : null;
        });
      });
  }
  function withToken(body, token) {
    var params = new URLSearchParams(body);
    params.set('_csrf', token);
    return params.toString();
  }

  var sending = false;
  function flush() {
    var items = queue();
    if (!items.length) { return Promise.resolve(); }
    if (!navigator.onLine || sending) {
      status(waiting(items.length));
      return Promise.resolve();
    }
    sending = true;
    return freshToken().then(function (token) {
      if (!token) {
        status(waiting(items.length) + ' Sign in again to send them.');
        return;
      }
      var left = [];
      var refused = [];
      // one at a time, in the order they were made
      return items.reduce(function (previous, item) {
        return previous.then(function () {
          return fetch(item.action, {method: 'POST', body: withToken(item.body, token), credentials: 'same-origin', redirect: 'manual',
                                     headers: {'Content-Type': 'application/x-www-form-urlencoded', 'X-Limber-Queued': '1'}})
            .then(function (response) {
              if (response.status === 422) {
                return response.text().then(function (reason) { refused.push(reason); });
              }
              if (!response.ok) { left.push(item); }
            })
            .catch(function () { left.push(item); });
        });
      }, Promise.resolve()).then(function () {
        save(left.concat(queue().slice(items.length)));
        var text = left.length ? left.length + (left.length === 1 ? ' log' : ' logs') + ' could not be sent yet; we will try again.'
                               : 'Your saved logs have been sent.';
        if (refused.length) {
          text += ' ' + refused.length + (refused.length === 1 ? ' log was' : ' logs were') + ' not accepted: ' + refused.join(' ');
        }
        status(text);
      });
    }).catch(function () {
      status(waiting(queue().length));
    }).then(function () { sending = false; });
  }

  // --- keeping pages for offline use -------------------------------------------------------------
  // After one visit: this page, today's exercises ([data-precache] links) and the files they use.
  function keepForOffline(registration) {
    var worker = registration.active || registration.waiting || registration.installing;
    if (!worker || !navigator.onLine) { return; }
    var urls = [location.pathname + location.search];
    Array.prototype.forEach.call(document.querySelectorAll('a[data-precache]'), function (link) { urls.push(link.getAttribute('href')); });
    Array.prototype.forEach.call(document.querySelectorAll('script[src], link[rel="stylesheet"]'), function (asset) {
      urls.push(asset.getAttribute('src') || asset.getAttribute('href'));
    });
    var channel = new MessageChannel();
    channel.port1.onmessage = function (message) {
      if (message.data && message.data.kept) { document.documentElement.dataset.offlineReady = 'true'; }
    };
    worker.postMessage({keep: urls}, [channel.port2]);
  }

  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/sw.js', {scope: '/'}).catch(function () {});
    navigator.serviceWorker.ready.then(keepForOffline).catch(function () {});
  }
  window.addEventListener('online', flush);
  document.addEventListener('DOMContentLoaded', flush);
})();
