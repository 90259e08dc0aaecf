// VocabSphere's service worker: the app's own files kept per version, pages kept as last seen so the
// reader and the review page open without a connection. Served at /sw.js (scope "/") with the version
// filled in by the server; no dependencies.
const VERSION = "__VERSION__";
const STATIC_CACHE = `vocabsphere-static-${VERSION}`;
const PAGES_CACHE = "vocabsphere-pages";
const STATIC_FILES = __STATIC_FILES__;
// Pages worth opening offline; anything else offline gets a short page that says so.
const KEPT_PAGES = [/^\/library$/, /^\/review$/, /^\/practice$/, /^\/vocabulary$/, /^\/progress$/, /^\/stories\/\d+$/];
const MAX_STORY_PAGES = 24;

self.addEventListener("install", (event) => {
  // "reload": the files of this version, not older copies from the browser's HTTP cache.
  const requests = STATIC_FILES.map((path) => new Request(path, { cache: "reload" }));
  event.waitUntil(caches.open(STATIC_CACHE).then((cache) => cache.addAll(requests)));
  // No skipWaiting here: a new version waits until the learner chooses "Reload" (see app.js).
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((n) => n.startsWith("vocabsphere-static-") && n !== STATIC_CACHE)
      .map((n) => caches.delete(n)));
    await self.clients.claim();
  })());
});

self.addEventListener("message", (event) => {
  if (event.data?.type === "SKIP_WAITING") self.skipWaiting();
  if (event.data?.type === "VERSION") event.ports[0]?.postMessage({ version: VERSION });
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === "POST" && url.pathname === "/logout") {
    // The kept pages show the learner's own words: they go with the session.
    event.waitUntil(caches.delete(PAGES_CACHE));
    return;
  }
  if (request.method !== "GET" || url.pathname.startsWith("/api/")) return; // the pages handle the API
  if (url.pathname.startsWith("/static/")) {
    event.respondWith(staticFile(request));
  } else if (request.mode === "navigate") {
    event.respondWith(page(request, url));
  }
});

async function staticFile(request) {
  const cached = await caches.match(request, { cacheName: STATIC_CACHE, ignoreSearch: true });
  return cached ?? fetch(request);
}

function kept(url) {
  return KEPT_PAGES.some((pattern) => pattern.test(url.pathname));
}

/** The network first (pages change); the copy last seen when there is no connection. */
async function page(request, url) {
  let response;
  try {
    response = await fetch(request);
  } catch (error) {
    return (await keptCopy(request, url)) ?? offlinePage();
  }
  if (response.ok && !response.redirected && kept(url)) {
    const cache = await caches.open(PAGES_CACHE);
    await cache.put(request, response.clone());
    await trimStories(cache);
  }
  // A server that is down behind a proxy (502-504): the kept copy is better than an error page.
  if ([502, 503, 504].includes(response.status)) return (await keptCopy(request, url)) ?? response;
  return response;
}

/** The copy kept of this page; for a story, any level kept of it when this exact address was not. */
async function keptCopy(request, url) {
  const exact = await caches.match(request, { cacheName: PAGES_CACHE });
  if (exact || !url.pathname.startsWith("/stories/")) return exact;
  return caches.match(url.pathname, { cacheName: PAGES_CACHE, ignoreSearch: true });
}

async function trimStories(cache) {
  const stories = (await cache.keys()).filter((r) => new URL(r.url).pathname.startsWith("/stories/"));
  for (const old of stories.slice(0, Math.max(0, stories.length - MAX_STORY_PAGES))) await cache.delete(old);
}

function offlinePage() {
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Offline · VocabSphere</title><link rel="stylesheet" href="/static/app.css"></head>
<body><main class="content"><h1>You are offline</h1>
<p>This page was not kept on this device. Stories you opened recently, your reviews and practice work offline:</p>
<p><a class="button primary" href="/review">Review</a> <a class="button" href="/library">Library</a></p>
</main></body></html>`;
  return new Response(body, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}
