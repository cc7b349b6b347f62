// 共治's service worker (hand-written; registered by src/app/offline/service-worker.tsx).
// - The app shell (index.html, its hashed assets, the manifest and icons) is cached on install and served
//   when there is no network, so the app opens in a basement after one visit.
// - Reference data (categories, the organisation tree with the grids) is fetched network-first and kept
//   for a visit without signal. It is the same for everyone; nothing personal is kept.
// - Every other /api answer (cases, points, ballots…) is personal: never touched, never cached.
// The page deletes the reference cache at sign-out (src/app/offline/forget.tsx names it).

const SHELL = 'gongzhi-shell-v1';
const REFERENCE = 'gongzhi-reference';
const SHELL_FILES = ['/manifest.webmanifest', '/icons/icon-192.png', '/icons/icon-512.png'];
const REFERENCE_PATHS = ['/api/categories', '/api/organisation'];

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      const index = await fetch('/index.html', { cache: 'no-cache' });
      const html = await index.clone().text();
      // Vite names the shell's scripts and styles by content hash: read them from the page that uses them.
      const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]);
      await cache.put('/index.html', index);
      await cache.addAll([...assets, ...SHELL_FILES]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith('gongzhi-shell-') && name !== SHELL) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

async function networkFirst(request, cacheName, key) {
  try {
    const response = await fetch(request);
    if (response.ok) await (await caches.open(cacheName)).put(key, response.clone());
    return response;
  } catch (error) {
    const cached = await caches.match(key, { cacheName });
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request, { cacheName: SHELL });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await (await caches.open(SHELL)).put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (REFERENCE_PATHS.includes(url.pathname)) {
    // Keyed by the path alone: the same answer for every caller, whatever the token.
    event.respondWith(networkFirst(request, REFERENCE, url.pathname));
    return;
  }
  if (/^\/(api|open311|docs|health|metrics)(\/|-|$)/.test(url.pathname)) return;
  if (request.mode === 'navigate') {
    // Every page path is the one app: the newest index.html when online, the cached one without signal.
    event.respondWith(networkFirst(request, SHELL, '/index.html'));
    return;
  }
  if (url.pathname.startsWith('/assets/') || SHELL_FILES.includes(url.pathname)) event.respondWith(cacheFirst(request));
});
