// What this device keeps for offline use (IndexedDB, one database per learner): the review cards of the
// coming days, a session of practice items, the look-ups of stories opened recently, and the outbox of
// reviews and practice answers made offline. A row goes into the outbox in the same transaction as the
// change to its local card or item; a row leaves the outbox only when the server has answered for it.
// No dependencies.

const userId = document.querySelector('meta[name="vs-user"]')?.content ?? "";
const DB_VERSION = 2; // 2: practice items
const BATCH = 100; // rows per sync request
const BUNDLE_DAYS = 7;
const MAX_STORIES = 12;
const STORY_FRESH_MS = 24 * 3600 * 1000;
const BUNDLE_EVERY_MS = 3600 * 1000;
export const PAGES_CACHE = "vocabsphere-pages"; // the service worker keeps pages here

let opening = null;

/** The learner's offline database (null when the page has no learner or the browser has no IndexedDB). */
export function openStore() {
  if (!userId || !("indexedDB" in window)) return Promise.resolve(null);
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(`vocabsphere-${userId}`, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      const has = (name) => db.objectStoreNames.contains(name);
      if (!has("meta")) db.createObjectStore("meta", { keyPath: "key" });
      if (!has("outbox")) db.createObjectStore("outbox", { keyPath: "client_id" }).createIndex("seq", "seq");
      if (!has("cards")) db.createObjectStore("cards", { keyPath: "card_id" });
      if (!has("stories")) db.createObjectStore("stories", { keyPath: "key" });
      if (!has("practice")) db.createObjectStore("practice", { keyPath: "id" });
    };
    // Another tab opening a newer version (or a logout deleting the database) must not wait on this one.
    request.onsuccess = () => {
      request.result.onversionchange = () => { request.result.close(); opening = null; };
      resolve(request.result);
    };
    request.onerror = () => reject(request.error);
  }).catch(() => null);
  return opening;
}

const finished = (tx) => new Promise((resolve, reject) => {
  tx.oncomplete = () => resolve();
  tx.onerror = tx.onabort = () => reject(tx.error ?? new Error("The device's storage refused the change."));
});
const answer = (request) => new Promise((resolve, reject) => {
  request.onsuccess = () => resolve(request.result);
  request.onerror = () => reject(request.error);
});
const newId = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`);

/** True when a failed call never reached the server (no connection, or an answer that was not ours). */
export function unreachable(error) {
  return error?.status === undefined || [502, 503, 504].includes(error.status);
}

// A flush's request on a stalled connection (a phone between cells) may never settle; without a limit it would
// hold the one flush at a time forever, and nothing made offline would be sent until the page is reloaded.
// (Only the outbox's small batches get the limit: a story's look-ups can take longer on a busy server.)
const FLUSH_TIMEOUT_MS = 30_000;

async function call(path, { method = "GET", body, timeoutMs } = {}) {
  const csrf = document.querySelector('meta[name="csrf-token"]')?.content ?? "";
  const response = await fetch(path, {
    method,
    credentials: "same-origin",
    signal: timeoutMs && AbortSignal.timeout ? AbortSignal.timeout(timeoutMs) : undefined,
    headers: {
      Accept: "application/json",
      ...(body !== undefined ? { "Content-Type": "application/json", "X-CSRF-Token": csrf } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    throw Object.assign(new Error(data?.error?.message ?? `Request failed (${response.status})`), { status: response.status });
  }
  return data;
}

// --- Reviews ----------------------------------------------------------------------------------------

/** This device's id and its next sequence number, taken inside the caller's transaction. */
async function nextSeq(tx) {
  const meta = tx.objectStore("meta");
  const device = (await answer(meta.get("device"))) ?? { key: "device", id: newId(), seq: 0 };
  device.seq += 1;
  meta.put(device);
  return device;
}

/** Keep a rating made without a connection: the outbox row (with this device's id and next sequence
 * number) and the card's local change are written in one transaction, so neither exists without the other. */
export async function recordReview(card, rating, durationMs) {
  const db = await openStore();
  if (!db) throw new Error("This browser cannot keep reviews offline.");
  const tx = db.transaction(["meta", "outbox", "cards"], "readwrite");
  const done = finished(tx);
  const device = await nextSeq(tx);
  const row = {
    client_id: newId(), device_id: device.id, seq: device.seq, card_id: card.card_id, rating,
    reviewed_at: new Date().toISOString(), duration_ms: durationMs ?? null,
  };
  tx.objectStore("outbox").add(row);
  tx.objectStore("cards").put({ ...card, pending: true, reviewed_at: row.reviewed_at });
  await done;
  return row;
}

/** Keep a practice answer made without a connection, like a review: its outbox row and the item's
 * local change (answered, so it is not asked again here) in one transaction. */
export async function recordAnswer(item, given) {
  const db = await openStore();
  if (!db) throw new Error("This browser cannot keep answers offline.");
  const tx = db.transaction(["meta", "outbox", "practice"], "readwrite");
  const done = finished(tx);
  const device = await nextSeq(tx);
  const row = {
    kind: "answer", client_id: newId(), device_id: device.id, seq: device.seq, item_id: item.id,
    answer: given, answered_at: new Date().toISOString(),
  };
  tx.objectStore("outbox").add(row);
  tx.objectStore("practice").put({ ...item, pending: true, given });
  await done;
  return row;
}

/** Practice items kept on this device and not answered here yet, in the order the server gave them. */
export async function localPractice() {
  const db = await openStore();
  if (!db) return [];
  const items = await answer(db.transaction("practice").objectStore("practice").getAll());
  return items.filter((i) => !i.pending).sort((a, b) => a.order - b.order);
}

/** Take back a rating still waiting in the outbox (undo); false when it has already been sent. */
export async function retractReview(clientId, card) {
  const db = await openStore();
  if (!db) return false;
  const tx = db.transaction(["outbox", "cards"], "readwrite");
  const done = finished(tx);
  const row = await answer(tx.objectStore("outbox").get(clientId));
  if (row) {
    tx.objectStore("outbox").delete(clientId);
    tx.objectStore("cards").put({ ...card, pending: false });
  }
  await done;
  return Boolean(row);
}

export async function outboxSize() {
  const db = await openStore();
  return db ? answer(db.transaction("outbox").objectStore("outbox").count()) : 0;
}

async function oldestRows(db, limit) {
  const rows = [];
  const index = db.transaction("outbox").objectStore("outbox").index("seq");
  await new Promise((resolve, reject) => {
    const cursor = index.openCursor();
    cursor.onsuccess = () => {
      const at = cursor.result;
      if (!at || rows.length >= limit) return resolve();
      rows.push(at.value);
      at.continue();
    };
    cursor.onerror = () => reject(cursor.error);
  });
  return rows;
}

/** Remove the rows the server answered for and take its word for where each card now stands. */
async function acknowledge(db, rows, reply) {
  const sent = new Set(rows.map((r) => r.client_id));
  const answered = reply.rows.filter((r) => sent.has(r.client_id));
  const tx = db.transaction(["outbox", "cards"], "readwrite");
  const done = finished(tx);
  for (const r of answered) tx.objectStore("outbox").delete(r.client_id);
  const cards = tx.objectStore("cards");
  for (const state of reply.cards ?? []) {
    const local = await answer(cards.get(state.card_id));
    if (local) cards.put({ ...local, due: state.due, is_new: false, pending: false });
  }
  await done;
  return answered;
}

// A row without a kind is a review (the outbox's first rows had none).
const SENDERS = [
  ["review", "/api/v1/offline/reviews", ["client_id", "device_id", "seq", "card_id", "rating", "reviewed_at", "duration_ms"]],
  ["answer", "/api/v1/offline/answers", ["client_id", "device_id", "seq", "item_id", "answer", "answered_at"]],
];
let flushing = null;

/** Send the outbox, oldest first, in batches; resolves to {sent, answers, refused, left, error}. One flush at a
 * time across this learner's tabs (Web Locks where the browser has them). */
export function flushOutbox() {
  const run = () => flushNow();
  flushing ??= (navigator.locks ? navigator.locks.request(`vocabsphere-flush-${userId}`, run) : run())
    .finally(() => { flushing = null; });
  return flushing;
}

async function flushNow() {
  const db = await openStore();
  const outcome = { sent: 0, answers: 0, refused: [], left: 0, error: null };
  if (!db) return outcome;
  for (;;) {
    const rows = await oldestRows(db, BATCH);
    if (!rows.length) break;
    let answered = [];
    try {
      // Reviews and practice answers go to their own endpoints; each batch is acknowledged on its own.
      for (const [kind, path, fields] of SENDERS) {
        const group = rows.filter((r) => (r.kind ?? "review") === kind);
        if (!group.length) continue;
        const body = { rows: group.map((r) => Object.fromEntries(fields.map((f) => [f, r[f] ?? null]))) };
        // (a test may shorten the limit: it cannot wait half a minute for a stalled request)
        const timeoutMs = globalThis.vocabsphereFlushTimeoutMs ?? FLUSH_TIMEOUT_MS;
        const reply = await call(path, { method: "POST", body, timeoutMs });
        const acknowledged = await acknowledge(db, group, reply);
        answered.push(...acknowledged);
        const done = acknowledged.filter((r) => r.outcome !== "refused").length;
        if (kind === "answer") outcome.answers += done; else outcome.sent += done;
      }
    } catch (error) {
      outcome.error = error; // nothing unanswered is removed: the rows wait for the next try
      break;
    }
    outcome.refused.push(...answered.filter((r) => r.outcome === "refused"));
    if (!answered.length) break; // an answer about other rows: do not loop
  }
  outcome.left = await outboxSize();
  if (outcome.sent || outcome.answers || outcome.refused.length) {
    window.dispatchEvent(new CustomEvent("vocabsphere:synced", { detail: outcome }));
  }
  return outcome;
}

/** Fetch the cards of the coming days; cards with a rating still in the outbox keep their local copy. */
export async function refreshBundle() {
  const db = await openStore();
  if (!db) return null;
  const bundle = await call(`/api/v1/offline/bundle?days=${BUNDLE_DAYS}`);
  const tx = db.transaction(["meta", "outbox", "cards"], "readwrite");
  const done = finished(tx);
  const waiting = new Set((await answer(tx.objectStore("outbox").getAll())).map((r) => r.card_id));
  const cards = tx.objectStore("cards");
  const kept = (await answer(cards.getAll())).filter((c) => waiting.has(c.card_id));
  cards.clear();
  for (const card of kept) cards.put(card);
  bundle.cards.forEach((card, order) => { if (!waiting.has(card.card_id)) cards.put({ ...card, order, pending: false }); });
  tx.objectStore("meta").put({ key: "bundle", generated_at: bundle.generated_at, fetched_at: Date.now(), stories: bundle.stories });
  await done;
  await refreshPractice(db);
  return bundle;
}

/** Keep practice items for offline use now (the practice page calls it once its items are made). */
export async function keepPractice() {
  const db = await openStore();
  if (db) await refreshPractice(db);
}

/** Keep a session of practice items (with their keys); items answered here and not yet sent stay. */
async function refreshPractice(db) {
  const found = await call("/api/v1/offline/practice");
  const tx = db.transaction(["outbox", "practice"], "readwrite");
  const done = finished(tx);
  const store = tx.objectStore("practice");
  const waiting = new Set((await answer(tx.objectStore("outbox").getAll())).map((r) => r.item_id).filter(Boolean));
  const kept = (await answer(store.getAll())).filter((i) => waiting.has(i.id));
  store.clear();
  for (const item of kept) store.put(item);
  found.forEach((item, order) => { if (!waiting.has(item.id)) store.put({ ...item, order, pending: false }); });
  await done;
}

/** Forget everything this device keeps for the learner (at logout): the database and the kept pages. */
export async function forgetLearner() {
  const db = await openStore();
  db?.close();
  opening = null;
  if (userId && "indexedDB" in window) {
    await new Promise((resolve) => {
      const request = indexedDB.deleteDatabase(`vocabsphere-${userId}`);
      request.onsuccess = request.onerror = request.onblocked = () => resolve();
    });
  }
  if ("caches" in window) await caches.delete(PAGES_CACHE);
}

/** Cards due now on this device, in the order the server gave them; cards rated offline wait for the sync. */
export async function localQueue(now = new Date()) {
  const db = await openStore();
  if (!db) return [];
  const cards = await answer(db.transaction("cards").objectStore("cards").getAll());
  return cards.filter((c) => !c.pending && new Date(c.due) <= now).sort((a, b) => a.order - b.order);
}

// --- Stories ----------------------------------------------------------------------------------------

/** Keep a story version's look-ups on the device (fetched again after a day or for another language). */
export async function keepStory(storyId, level, lang) {
  const db = await openStore();
  if (!db || !storyId || !level) return false;
  const key = `${storyId}:${level}`;
  const stored = await answer(db.transaction("stories").objectStore("stories").get(key));
  const fresh = stored && stored.lang === lang && Date.now() - stored.fetched_at < STORY_FRESH_MS;
  let entry = stored;
  if (!fresh) {
    const query = lang ? `?${new URLSearchParams({ lang })}` : "";
    const found = await call(`/api/v1/offline/stories/${storyId}/versions/${encodeURIComponent(level)}/lookups${query}`);
    entry = { key, story_id: storyId, level, lang, positions: found.positions, results: found.results, fetched_at: Date.now() };
  }
  const tx = db.transaction("stories", "readwrite");
  const done = finished(tx);
  tx.objectStore("stories").put({ ...entry, opened_at: Date.now() });
  await done;
  await forgetOldStories(db);
  return true;
}

async function forgetOldStories(db) {
  const all = await answer(db.transaction("stories").objectStore("stories").getAll());
  const old = all.sort((a, b) => b.opened_at - a.opened_at).slice(MAX_STORIES);
  if (!old.length) return;
  const tx = db.transaction("stories", "readwrite");
  const done = finished(tx);
  for (const entry of old) tx.objectStore("stories").delete(entry.key);
  await done;
  const pages = await caches.open(PAGES_CACHE);
  for (const entry of old) {
    for (const request of await pages.keys()) {
      if (new URL(request.url).pathname === `/stories/${entry.story_id}`) await pages.delete(request);
    }
  }
}

/** The kept look-up of the word at "sentence.token", or null; a look-up of another word (the version
 * was rebuilt since) is not shown. */
export async function storedLookup(storyId, level, position, word) {
  const db = await openStore();
  if (!db) return null;
  const entry = await answer(db.transaction("stories").objectStore("stories").get(`${storyId}:${level}`));
  const index = entry?.positions?.[position];
  const result = index === undefined ? null : entry.results[index];
  return result && result.word?.toLowerCase() === word.toLowerCase() ? result : null;
}

/** Keep the stories the server lists as recently opened (page and look-ups) that this device lacks. */
export async function keepRecentStories(stories) {
  const db = await openStore();
  if (!db || !("caches" in window)) return;
  const pages = await caches.open(PAGES_CACHE);
  for (const story of stories) {
    const url = `/stories/${story.story_id}?level=${encodeURIComponent(story.level)}`;
    const stored = await answer(db.transaction("stories").objectStore("stories").get(`${story.story_id}:${story.level}`));
    if (stored && (await pages.match(url))) continue;
    const response = await fetch(url, { credentials: "same-origin" });
    if (!response.ok || response.redirected) continue;
    const html = await response.clone().text();
    const lang = new DOMParser().parseFromString(html, "text/html").querySelector("article.reader")?.dataset.lang ?? "";
    await pages.put(url, response);
    await keepStory(story.story_id, story.level, lang);
  }
}

async function bundleAge(db) {
  const meta = await answer(db.transaction("meta").objectStore("meta").get("bundle"));
  return meta ? Date.now() - meta.fetched_at : Infinity;
}

/** Everything a page does when the connection is there: send the outbox, then refresh what is kept
 * (at most once an hour unless ``force``: the bundle costs the server some work). */
export async function syncInBackground({ force = false } = {}) {
  const flushed = await flushOutbox();
  if (flushed.error || flushed.left) return flushed;
  try {
    const db = await openStore();
    if (!db || (!force && (await bundleAge(db)) < BUNDLE_EVERY_MS)) return flushed;
    const bundle = await refreshBundle();
    if (bundle) await keepRecentStories(bundle.stories);
  } catch {
    // offline again, or the server is busy: the next page load tries again
  }
  return flushed;
}
