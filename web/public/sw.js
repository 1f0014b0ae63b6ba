// Pucha service worker: keeps the console shell available offline.
// Hashed assets are cache-first (their names change with their content), pages are
// network-first with the cached index.html as the offline fallback, and the API is
// never cached: census data must not be served stale from here.
// The BUILD line is rewritten by web/vite.config.ts with the built asset list.
const BUILD = { version: 'dev', assets: [] };

const BASE = new URL('./', self.location.href).pathname; // '/console/'
const CACHE = `pucha-shell-${BUILD.version}`;
const INDEX = `${BASE}index.html`;
const SHELL = [
  INDEX,
  `${BASE}manifest.webmanifest`,
  `${BASE}icon.svg`,
  `${BASE}icon-192.png`,
  `${BASE}icon-512.png`,
  ...BUILD.assets.map((a) => BASE + a),
];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('pucha-shell-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

function neverCache(url) {
  return url.pathname.startsWith('/api/') || url.pathname === '/healthz' || url.pathname.startsWith('/docs');
}

async function cacheFirst(request) {
  const hit = await caches.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}

async function networkFirstPage(request) {
  try {
    const response = await fetch(request);
    // Every console route is the same single page; keep the newest copy of it.
    if (response.ok && (response.headers.get('content-type') || '').includes('text/html')) {
      const cache = await caches.open(CACHE);
      await cache.put(INDEX, response.clone());
    }
    return response;
  } catch {
    const cached = await caches.match(INDEX);
    if (cached) return cached;
    throw new Error('offline and no cached console');
  }
}

async function networkThenCache(request) {
  try {
    return await fetch(request);
  } catch {
    const cached = await caches.match(request);
    if (cached) return cached;
    throw new Error('offline');
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || neverCache(url)) return;
  if (!url.pathname.startsWith(BASE) && url.pathname !== BASE.slice(0, -1)) return;

  if (request.mode === 'navigate') {
    event.respondWith(networkFirstPage(request));
  } else if (url.pathname.startsWith(`${BASE}assets/`)) {
    event.respondWith(cacheFirst(request));
  } else {
    event.respondWith(networkThenCache(request));
  }
});
