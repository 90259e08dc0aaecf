// VocabSphere page helpers (ES module, no dependencies).

const csrfToken = document.querySelector('meta[name="csrf-token"]')?.content ?? "";

/** JSON API call from our own pages: the session cookie plus the CSRF header. */
export async function api(path, { method = "GET", body } = {}) {
  const response = await fetch(`/api/v1${path}`, {
    method,
    credentials: "same-origin",
    headers: {
      "Accept": "application/json",
      ...(body !== undefined ? { "Content-Type": "application/json" } : {}),
      ...(method !== "GET" ? { "X-CSRF-Token": csrfToken } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const data = response.status === 204 ? null : await response.json();
  if (!response.ok) {
    const message = data?.error?.message ?? `Request failed (${response.status})`;
    throw Object.assign(new Error(message), { status: response.status });
  }
  return data;
}

/** A DOM element: `attrs` become attributes (`onclick` and friends become listeners); children may be
 * nodes, strings or nested arrays of them; null, undefined and false are skipped. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children.flat(3)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function englishVoice() {
  if (!("speechSynthesis" in window)) return null;
  return window.speechSynthesis.getVoices().find((v) => v.lang?.toLowerCase().startsWith("en")) ?? null;
}

let serverAudio = null;

/** Say an English word: the device's English voice when it has one, else the server's recording
 * (espeak-ng). Resolves to "device", "server", or "none" when no audio was possible. */
export async function speak(text) {
  const voice = englishVoice();
  if (voice) {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = voice.lang;
    utterance.voice = voice;
    window.speechSynthesis.cancel();
    window.speechSynthesis.speak(utterance);
    return "device";
  }
  try {
    serverAudio?.pause();
    serverAudio = new Audio(`/api/v1/pronounce?${new URLSearchParams({ word: text })}`);
    await serverAudio.play();
    return "server";
  } catch {
    return "none";
  }
}

/** What to tell the learner after `speak` (empty when the word was spoken by the device). */
export function speechNote(result) {
  if (result === "server") return "Played the server's recording (this device has no English voice).";
  if (result === "none") return "No audio is possible for this word on this device.";
  return "";
}

// A new account's time zone comes from the browser (the server checks the name, UTC if unknown).
for (const field of document.querySelectorAll("input[data-browser-time-zone]")) {
  try {
    field.value = Intl.DateTimeFormat().resolvedOptions().timeZone ?? "";
  } catch {
    field.value = "";
  }
}

// Prevent double submission of forms (a second click while the first post is under way). Registered
// once per page: page scripts import this module under a URL without the `?v=` of the base template's
// tag, so the module can run twice, and a second listener would block every first submission.
if (!window.vocabsphereFormGuard) {
  window.vocabsphereFormGuard = true;
  document.addEventListener("submit", guardSubmit);
}

function guardSubmit(event) {
  const form = event.target;
  if (!(form instanceof HTMLFormElement)) return;
  if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
    return;
  }
  if (form.dataset.submitting === "1") {
    event.preventDefault();
    return;
  }
  form.dataset.submitting = "1";
  setTimeout(() => { delete form.dataset.submitting; }, 4000);
}

// --- The installable app: service worker, update prompt, offline sync ------------------------------
// Once per page, like the form guard above (this module can be evaluated twice).
if (!window.vocabsphereApp) {
  window.vocabsphereApp = true;
  startApp();
}

/** A short message at the bottom of the screen (above the tab bar on phones), with optional buttons. */
export function notify(text, ...buttons) {
  let bar = document.getElementById("app-bar");
  if (!bar) {
    bar = el("div", { id: "app-bar", class: "app-bar", role: "status", "aria-live": "polite" });
    document.body.append(bar);
  }
  bar.replaceChildren(el("span", {}, text), ...buttons);
  bar.hidden = false;
  return bar;
}

function startApp() {
  if ("serviceWorker" in navigator) {
    let reloadWanted = false;
    navigator.serviceWorker.addEventListener("controllerchange", () => {
      if (reloadWanted) window.location.reload(); // only after the learner chose "Reload"
    });
    const offerReload = (worker) => {
      const reload = el("button", { type: "button", class: "button primary", id: "app-reload" }, "Reload");
      reload.addEventListener("click", () => {
        reloadWanted = true;
        reload.disabled = true;
        worker.postMessage({ type: "SKIP_WAITING" });
      });
      notify("A new version is ready: ", reload);
    };
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).then((registration) => {
      if (registration.waiting && navigator.serviceWorker.controller) offerReload(registration.waiting);
      registration.addEventListener("updatefound", () => {
        const worker = registration.installing;
        worker?.addEventListener("statechange", () => {
          // An installed worker while another controls the page is an update, not the first install.
          if (worker.state === "installed" && navigator.serviceWorker.controller) offerReload(worker);
        });
      });
    }).catch(() => {}); // no worker (private mode, old browser): the site works online as before
  }
  if (!document.querySelector('meta[name="vs-user"]')) return;
  const sync = () => import("/static/offline.js").then((offline) => offline.syncInBackground()).catch(() => {});
  window.addEventListener("online", sync);
  window.addEventListener("offline", () => notify("You are offline. Reviews, practice and stories you opened recently still work; your answers are sent when you are back online."));
  document.addEventListener("submit", logOut);
  window.addEventListener("vocabsphere:synced", (event) => {
    const { sent, answers, refused } = event.detail;
    const parts = [];
    if (sent) parts.push(`${sent} review${sent === 1 ? "" : "s"} made offline ${sent === 1 ? "was" : "were"} saved.`);
    if (answers) parts.push(`${answers} practice answer${answers === 1 ? "" : "s"} made offline ${answers === 1 ? "was" : "were"} saved.`);
    if (refused.length) parts.push(`${refused.length} could not be saved: ${refused[0].reason}`);
    notify(parts.join(" "));
  });
  if (navigator.onLine) sync();
}

/** Logging out takes this learner's offline data off the device (a shared phone must not keep it):
 * first the outbox is sent; what cannot be sent is only dropped when the learner says so. */
async function logOut(event) {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || new URL(form.action, location.href).pathname !== "/logout") return;
  if (form.dataset.forgotten === "1") return;
  event.preventDefault();
  const offline = await import("/static/offline.js");
  const flushed = await offline.flushOutbox().catch(() => ({ left: -1 }));
  const left = flushed.left === -1 ? await offline.outboxSize() : flushed.left;
  if (left && !window.confirm(`${left} review${left === 1 ? "" : "s"} or answer${left === 1 ? "" : "s"} made offline could not be sent yet. Log out anyway and lose ${left === 1 ? "it" : "them"}?`)) {
    delete form.dataset.submitting;
    return;
  }
  await offline.forgetLearner();
  form.dataset.forgotten = "1";
  form.submit();
}
