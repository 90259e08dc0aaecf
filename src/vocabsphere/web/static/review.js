// Review session: cards of four kinds, typed answers checked kindly, ratings 1-4, undo. Without a
// connection the cards kept on the device are reviewed and the ratings wait in the outbox (offline.js).
// No dependencies.
import { api, el, speak, speechNote } from "/static/app.js";
import { flushOutbox, localQueue, recordReview, retractReview, syncInBackground, unreachable } from "/static/offline.js";

const cardBox = document.getElementById("review-card");
const controls = document.getElementById("review-controls");
const status = document.getElementById("review-status");
const undoButton = document.getElementById("undo");
const done = document.getElementById("review-done");
let queue = [];
let card = null;
let revealed = false;
let shownAt = 0;
let suggested = null;
const history = []; // cards rated in this session, for undo
const results = new Map(); // lemma -> next due (null: rated offline, not yet known)
let offlineMode = false; // reviewing the cards kept on this device

function requestId() {
  return crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/** The sentence with every occurrence of `word` wrapped (or blanked out). */
function markWord(sentence, word, blank = false) {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(`(^|[^\\p{L}])(${escaped})(?=[^\\p{L}]|$)`, "giu");
  const parts = [];
  let last = 0;
  for (const match of sentence.matchAll(pattern)) {
    const start = match.index + match[1].length;
    parts.push(sentence.slice(last, start));
    parts.push(blank ? el("span", { class: "target" }, "_____") : el("span", { class: "target" }, match[2]));
    last = start + match[2].length;
  }
  parts.push(sentence.slice(last));
  return parts;
}

function meaning(word) {
  return [
    word.translation ? el("p", { class: "answer" }, word.translation) : null,
    word.definition ? el("p", {}, word.definition) : null,
  ];
}

function show() {
  card = queue.shift() ?? null;
  revealed = false;
  suggested = null;
  controls.hidden = true;
  status.textContent = "";
  if (!card) return finish();
  shownAt = performance.now();
  const w = card.word;
  const left = el("p", { class: "meta" }, `${queue.length + 1} to go · ${card.kind}${card.is_new ? " · new" : ""}${offlineMode ? " · offline" : ""}`);
  if (card.kind === "meaning") {
    cardBox.replaceChildren(left,
      el("p", { class: "prompt" }, w.sentence ? markWord(w.sentence, w.word) : w.word),
      el("p", { class: "meta" }, "What does the marked word mean here?"),
      el("button", { type: "button", class: "button primary", id: "reveal" }, "Show answer"));
    document.getElementById("reveal").addEventListener("click", reveal);
    return;
  }
  let prompt;
  if (card.kind === "form") {
    prompt = [el("p", { class: "prompt" }, w.translation || w.definition),
      el("p", { class: "meta" }, `Type the English ${w.pos.toLowerCase()}${w.cefr_level ? ` (${w.cefr_level})` : ""}.`)];
  } else if (card.kind === "cloze") {
    prompt = [el("p", { class: "prompt" }, markWord(card.cloze_sentence, card.cloze_answer, true)),
      el("p", { class: "meta" }, `Fill in the missing word${w.translation ? ` (${w.translation})` : ""}.`)];
  } else {
    const play = el("button", { type: "button", class: "button", "aria-label": "Play the word" }, "▶ Play");
    play.addEventListener("click", async () => { status.textContent = speechNote(await speak(w.word)); });
    prompt = [play, el("p", { class: "meta" }, "Listen and type the word you hear.")];
    setTimeout(() => speak(w.word), 200);
  }
  const input = el("input", { type: "text", id: "answer", autocomplete: "off", autocapitalize: "off", spellcheck: "false", "aria-label": "Your answer" });
  const form = el("form", {}, input, " ", el("button", { type: "submit", class: "button primary" }, "Check"));
  form.addEventListener("submit", (event) => { event.preventDefault(); check(input.value); });
  cardBox.replaceChildren(left, ...prompt, form);
  input.focus();
}

async function check(answer) {
  if (revealed) return;
  const seconds = (performance.now() - shownAt) / 1000;
  if (offlineMode) return checkHere(answer);
  try {
    const result = await api(`/reviews/${card.card_id}/check`, { method: "POST", body: { answer, seconds } });
    suggested = result.suggested_rating;
    cardBox.append(el("p", { class: `check ${result.correct ? "ok" : "bad"}` }, result.message), ...meaning(card.word));
    revealCommon();
  } catch (error) {
    if (!unreachable(error)) { status.textContent = error.message; return; }
    await goOffline();
    checkHere(answer);
  }
}

const plain = (text) => text.normalize("NFC").toLowerCase().replace(/\s+/g, " ").replace(/^[\s.,!?;:'"“”‘’]+|[\s.,!?;:'"“”‘’]+$/g, "");

/** Offline check: only an exact match (case and spacing aside) is called right; anything else shows the
 * expected answer without a verdict, since the server's kinder check (typos, other forms) is not here. */
function checkHere(answer) {
  const expected = card.answer ?? "";
  if (!expected) {
    cardBox.append(el("p", { class: "check" }, "Checking needs a connection. Compare with the answer:"), ...meaning(card.word));
  } else if (plain(answer) === plain(expected)) {
    suggested = 3;
    cardBox.append(el("p", { class: "check ok" }, "Right."), ...meaning(card.word));
  } else {
    cardBox.append(el("p", { class: "check" }, `The answer: ${expected}. Checked on this device, which knows only this form; rate yourself.`), ...meaning(card.word));
  }
  revealCommon();
}

/** Review the cards kept on this device from now on (the current card too, with its kept answer). */
async function goOffline() {
  if (offlineMode) return;
  offlineMode = true;
  const kept = await localQueue();
  const current = card && kept.find((c) => c.card_id === card.card_id);
  if (current) card = current;
  const shown = new Set([card?.card_id, ...history.map((c) => c.card_id)]);
  queue = kept.filter((c) => !shown.has(c.card_id));
  status.textContent = "Offline: your ratings are kept on this device and sent when you are back online.";
}

function reveal() {
  if (revealed || !card) return;
  if (card.kind !== "meaning") {
    check(document.getElementById("answer")?.value ?? "");
    return;
  }
  document.getElementById("reveal")?.remove();
  cardBox.append(el("p", {}, el("strong", {}, card.word.lemma), ` · ${card.word.pos.toLowerCase()}`), ...meaning(card.word));
  revealCommon();
}

/** A short interval, as Anki shows it on its buttons: "10 min", "3 h", "4 d", "2 mo", "1.5 y". */
function interval(iso) {
  const minutes = Math.max(1, Math.round((new Date(iso) - Date.now()) / 60000));
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 24 * 60) return `${Math.round(minutes / 60)} h`;
  const days = minutes / (24 * 60);
  if (days < 30) return `${Math.round(days)} d`;
  if (days < 365) return `${Math.round(days / 30)} mo`;
  return `${Math.round(days / 36.5) / 10} y`;
}

function revealCommon() {
  revealed = true;
  controls.hidden = false;
  for (const button of controls.querySelectorAll("button")) {
    button.classList.toggle("primary", Number(button.dataset.rating) === suggested);
    // Offline, the intervals would be guesses: the server sets them when the ratings arrive.
    const due = offlineMode ? null : card.due_if_rated?.[Number(button.dataset.rating) - 1];
    const label = button.querySelector(".interval");
    label.textContent = due ? interval(due) : "";
    button.setAttribute("aria-label", due ? `${button.firstChild.textContent.trim()}: back in ${interval(due)}` : button.firstChild.textContent.trim());
  }
  (controls.querySelector(".primary") ?? controls.querySelector('[data-rating="3"]')).focus({ preventScroll: true });
  keepAnswerInView();
}

/** Scroll so the answer's last line sits above the rating buttons (which stick above the bottom
 * navigation on phones): on a 375 x 667 screen both are visible without scrolling. */
function keepAnswerInView() {
  const last = cardBox.lastElementChild;
  if (!last) return;
  const nav = document.querySelector("nav.sections");
  const navTop = nav && getComputedStyle(nav).position === "fixed" ? nav.getBoundingClientRect().top : window.innerHeight;
  const limit = Math.min(navTop, controls.getBoundingClientRect().top) - 8;
  const box = last.getBoundingClientRect();
  if (box.bottom > limit) window.scrollBy({ top: box.bottom - limit });
  else if (box.top < 0) window.scrollBy({ top: box.top - 8 });
}

function when(iso) {
  const due = new Date(iso);
  const minutes = Math.round((due - Date.now()) / 60000);
  if (minutes < 60) return `in ${Math.max(1, minutes)} min`;
  if (minutes < 24 * 60) return `in ${Math.round(minutes / 60)} h`;
  return `on ${due.toLocaleDateString(undefined, { day: "numeric", month: "short", year: "numeric" })}`;
}

async function rate(rating) {
  if (!revealed || !card) return;
  const current = card;
  controls.hidden = true;
  // The rated card leaves at once: its answer box must not take keys meant for the next card.
  const previous = [...cardBox.childNodes];
  cardBox.replaceChildren(el("p", { class: "meta" }, "Saving…"));
  const durationMs = Math.round(performance.now() - shownAt);
  if (offlineMode) return rateHere(current, rating, durationMs, previous);
  try {
    const result = await api(`/reviews/${current.card_id}`, { method: "POST", body: {
      rating, request_id: requestId(), duration_ms: durationMs } });
    history.push(current);
    results.set(current.word.lemma, result.next_due);
    undoButton.hidden = false;
    status.textContent = `“${current.word.lemma}”: next review ${when(result.next_due)}.`;
    show();
    status.textContent = `“${current.word.lemma}”: next review ${when(result.next_due)}.`;
  } catch (error) {
    if (unreachable(error)) { // the rating is kept on the device instead of lost
      await goOffline();
      return rateHere(current, rating, durationMs, previous);
    }
    cardBox.replaceChildren(...previous);
    controls.hidden = false;
    status.textContent = error.message;
  }
}

/** A rating without a connection: into the outbox with the card's local change, then a try to send it. */
async function rateHere(current, rating, durationMs, previous) {
  try {
    const row = await recordReview(current, rating, durationMs);
    history.push({ ...current, offlineId: row.client_id });
    results.set(current.word.lemma, null);
    undoButton.hidden = false;
    show();
    status.textContent = `“${current.word.lemma}”: rating kept on this device; it is sent when you are back online.`;
    flushOutbox(); // after each review: the connection may be back
  } catch (error) {
    cardBox.replaceChildren(...previous);
    controls.hidden = false;
    status.textContent = error.message;
  }
}

async function undo() {
  const last = history.pop();
  if (!last) return;
  try {
    if (!(last.offlineId && await retractReview(last.offlineId, last))) {
      await api("/reviews/undo", { method: "POST", body: { request_id: requestId() } });
    }
    if (card) queue.unshift(card);
    queue.unshift(last);
    results.delete(last.word.lemma);
    done.hidden = true;
    cardBox.hidden = false;
    undoButton.hidden = history.length === 0;
    show();
    status.textContent = "Rating undone.";
  } catch (error) {
    history.push(last);
    status.textContent = error.message;
  }
}

async function finish() {
  // Learning steps may bring cards back within minutes: look again before calling it a day.
  const more = offlineMode ? await localQueue() : await api("/reviews/due?limit=100").catch(() => []);
  if (more.length) { queue = more; show(); return; }
  cardBox.hidden = true;
  controls.hidden = true;
  done.hidden = false;
  document.getElementById("done-summary").textContent = results.size
    ? `You reviewed ${results.size} word${results.size === 1 ? "" : "s"}. Next reviews:`
    : "Nothing is due. Save words while you read and they will come back here.";
  document.getElementById("done-list").replaceChildren(...[...results].map(([lemma, due]) =>
    el("li", { class: "due-item" }, el("strong", {}, lemma), due ? ` — ${when(due)}` : " — kept on this device until it is sent")));
}

for (const button of controls.querySelectorAll("button")) {
  button.addEventListener("click", () => rate(Number(button.dataset.rating)));
}
const nextDue = document.getElementById("next-due");
if (nextDue?.dataset.due) nextDue.textContent = `Your next card is due ${when(nextDue.dataset.due)}.`;
undoButton.addEventListener("click", undo);
document.addEventListener("keydown", (event) => {
  const typing = event.target instanceof HTMLInputElement;
  if (typing && !revealed) return; // the answer box has the keys until the answer is checked
  if ((event.key === " " || event.key === "Enter") && !revealed && card) { event.preventDefault(); reveal(); }
  else if (["1", "2", "3", "4"].includes(event.key) && revealed) { event.preventDefault(); rate(Number(event.key)); }
  else if (event.key.toLowerCase() === "u" && !typing) { event.preventDefault(); undo(); }
});

// Ratings waiting on this device go first, so the queue below does not offer their cards again.
flushOutbox()
  .then(() => api("/reviews/due?limit=100"))
  .then((cards) => {
    queue = cards;
    show();
    syncInBackground({ force: true }); // keep the coming days' cards on the device
  })
  .catch(async (error) => {
    if (!unreachable(error)) { cardBox.replaceChildren(el("p", { class: "error" }, error.message)); return; }
    await goOffline();
    show();
  });
