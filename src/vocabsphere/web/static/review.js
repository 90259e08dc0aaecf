// Review session: cards of four kinds, typed answers checked kindly, ratings 1-4, undo. No dependencies.
import { api, el, speak, speechNote } from "/static/app.js";

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
const results = new Map(); // lemma -> next due

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
  const left = el("p", { class: "meta" }, `${queue.length + 1} to go · ${card.kind}${card.is_new ? " · new" : ""}`);
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
  try {
    const result = await api(`/reviews/${card.card_id}/check`, { method: "POST", body: { answer, seconds } });
    suggested = result.suggested_rating;
    cardBox.append(el("p", { class: `check ${result.correct ? "ok" : "bad"}` }, result.message), ...meaning(card.word));
    revealCommon();
  } catch (error) {
    status.textContent = error.message;
  }
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
    const due = card.due_if_rated?.[Number(button.dataset.rating) - 1];
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
  try {
    const result = await api(`/reviews/${current.card_id}`, { method: "POST", body: {
      rating, request_id: requestId(), duration_ms: Math.round(performance.now() - shownAt) } });
    history.push(current);
    results.set(current.word.lemma, result.next_due);
    undoButton.hidden = false;
    status.textContent = `“${current.word.lemma}”: next review ${when(result.next_due)}.`;
    show();
    status.textContent = `“${current.word.lemma}”: next review ${when(result.next_due)}.`;
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
    await api("/reviews/undo", { method: "POST", body: { request_id: requestId() } });
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
  const more = await api("/reviews/due?limit=100").catch(() => []);
  if (more.length) { queue = more; show(); return; }
  cardBox.hidden = true;
  controls.hidden = true;
  done.hidden = false;
  document.getElementById("done-summary").textContent = results.size
    ? `You reviewed ${results.size} word${results.size === 1 ? "" : "s"}. Next reviews:`
    : "Nothing is due. Save words while you read and they will come back here.";
  document.getElementById("done-list").replaceChildren(...[...results].map(([lemma, due]) =>
    el("li", { class: "due-item" }, el("strong", {}, lemma), ` — ${when(due)}`)));
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

api("/reviews/due?limit=100")
  .then((cards) => { queue = cards; show(); })
  .catch((error) => { cardBox.replaceChildren(el("p", { class: "error" }, error.message)); });
