// Limber's service worker: keeps the patient's exercise pages, the stylesheet and scripts on the
// phone, so a programme opened once works without a connection. Pages are fetched from the network
// first (so changes show at once) and from the cache when offline. The page asks, on its first
// visit, for itself and today's exercise pages to be kept (a 'keep' message), because the first
// page a new phone loads does not pass through a worker that is not running yet. Logs made offline
// are queued by /js/offline.js and sent later with their own keys.
const CACHE = 'limber-v2';
const SHELL = ['/css/limber.css', '/js/player.js', '/js/offline.js', '/favicon.svg', '/manifest.webmanifest'];

self.addEventListener('install', event => {
  event.waitUntil(caches.open(CACHE).then(cache => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys()
    .then(keys => Promise.all(keys.filter(key => key !== CACHE).map(key => caches.delete(key))))
    .then(() => self.clients.claim()));
});

function cacheable(url) {
  return url.origin === self.location.origin
    && (url.pathname === '/my' || url.pathname.startsWith('/my/exercises') || url.pathname.startsWith('/my/clinic-day')
        || SHELL.includes(url.pathname) || url.pathname.startsWith('/webjars/') || url.pathname.startsWith('/css/')
        || url.pathname.startsWith('/js/'));
}

// Only pages the person may see while signed in are kept: a redirect (to sign in) is never stored.
function keep(cache, request, response) {
  if (response.ok && !response.redirected && response.type === 'basic') {
    return cache.put(request, response);
  }
  return Promise.resolve();
}

self.addEventListener('message', event => {
  const urls = (event.data && event.data.keep) || [];
  const wanted = urls.map(u => new URL(u, self.location.origin)).filter(cacheable);
  event.waitUntil(caches.open(CACHE)
    .then(cache => Promise.all(wanted.map(url => fetch(url, {credentials: 'same-origin'})
      .then(response => keep(cache, url.href, response))
      .catch(() => undefined))))
    .then(() => { if (event.ports[0]) { event.ports[0].postMessage({kept: wanted.length}); } }));
});

self.addEventListener('fetch', event => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || !cacheable(url)) {
    return;
  }
  event.respondWith(fetch(request)
    .then(response => {
      const copy = response.clone();
      caches.open(CACHE).then(cache => keep(cache, request, copy));
      return response;
    })
    .catch(() => caches.match(request, {ignoreVary: true})
      .then(cached => cached || (request.mode === 'navigate' ? caches.match('/my/exercises', {ignoreVary: true}) : undefined))
      .then(cached => cached || Response.error())));
});
