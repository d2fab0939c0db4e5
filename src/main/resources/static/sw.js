// Limber's service worker: keeps the patient's exercise pages, the stylesheet and scripts on the
// phone, so a programme opened once works without a connection. Pages are fetched from the network
// first (so changes show at once) and from the cache when offline. Logs made offline are queued by
// /js/offline.js and sent later with their idempotency keys.
const CACHE = 'limber-v1';
const SHELL = ['/css/limber.css', '/js/player.js', '/js/offline.js', '/favicon.svg', '/manifest.webmanifest'];

self.addEventListener('install', event => {
  event.waitUntil(caches.open(CACHE).then(cache => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys()
    .then(keys => Promise.all(keys.filter(key => key !== CACHE).map(key => caches.delete(key))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', event => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) {
    return;
  }
  const cacheable = url.pathname.startsWith('/my/exercises') || SHELL.includes(url.pathname) || url.pathname.startsWith('/webjars/');
  if (!cacheable) {
    return;
  }
  event.respondWith(fetch(request)
    .then(response => {
      if (response.ok && !response.redirected) {
        const copy = response.clone();
        caches.open(CACHE).then(cache => cache.put(request, copy));
      }
      return response;
    })
    .catch(() => caches.match(request).then(cached => cached || caches.match('/my/exercises'))));
});
