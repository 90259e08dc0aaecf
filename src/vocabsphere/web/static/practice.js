// Practice session: choice, typed and ordering exercises, immediate feedback, a summary. No dependencies.
// Without a connection the items kept on the device are practised and the answers wait in the outbox.
import { api, el } from "/static/app.js";
import { keepPractice, localPractice, recordAnswer, unreachable } from "/static/offline.js";

const box = document.getElementById("exercise");
const done = document.getElementById("practice-done");
const kindForm = document.getElementById("practice-kinds");
const kindFilter = document.getElementById("kind-filter");
const grammarFilter = document.getElementById("grammar-filter");
const KIND_NAMES = {
  part_of_speech: "Part of speech", word_family: "Word family", word_form: "Word form",
  sentence_role: "Sentence pattern", word_order: "Word order", cloze: "Fill the gap", collocation: "Collocation",
  voice: "Active and passive", relative_clause: "Relative clauses", question: "Questions",
};
let items = [];
let index = 0;
let results = [];
let answered = false;
let chosen = []; // word order: phrases picked so far (indexes into the options)
let offlineMode = false; // practising the items kept on this device

function requestId() {
  return crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

function gapped(text) {
  const [before, after] = text.split("_____");
  return el("p", { class: "gapped" }, before, el("span", { class: "gap", "aria-label": "gap" }, "_____"), after ?? "");
}

const WAIT_MS = 2000; // exercises are made in the background: ask again while words are waiting
const WAIT_TRIES = 30;
let waitTimer = 0;

async function start(tries = 0) {
  clearTimeout(waitTimer);
  done.hidden = true;
  box.hidden = false;
  if (!tries) box.replaceChildren(el("p", { class: "meta" }, "Making your exercises…"));
  const kinds = kindFilter.value ? `&kinds=${encodeURIComponent(kindFilter.value)}` : "";
  const point = grammarFilter?.value ? `&grammar_point=${encodeURIComponent(grammarFilter.value)}` : "";
  try {
    const session = await api(`/practice/session?size=15${kinds}${point}`);
    items = session.items;
    index = 0;
    results = [];
    if (!items.length && session.waiting_words && tries < WAIT_TRIES) {
      waitTimer = setTimeout(() => start(tries + 1), WAIT_MS);
      return;
    }
    if (!items.length) {
      const waiting = session.waiting_words
        ? " Some of your words are still being prepared: come back in a minute."
        : " Save words while you read (tap a word, then Save) and they will come back here as exercises.";
      box.replaceChildren(el("h2", {}, "Nothing to practise right now"), el("p", {}, waiting.trim()),
        el("p", {}, el("a", { class: "button", href: "/library" }, "Read something")));
      return;
    }
    offlineMode = false;
    show();
    keepPractice().catch(() => {}); // the items now made, kept for practising offline
  } catch (error) {
    if (unreachable(error)) return startOffline();
    box.replaceChildren(el("p", { class: "error" }, error.message));
  }
}

async function startOffline() {
  offlineMode = true;
  const kinds = kindFilter.value ? kindFilter.value.split(",") : null;
  items = (await localPractice()).filter((item) => !kinds || kinds.includes(item.kind));
  index = 0;
  results = [];
  if (!items.length) {
    box.replaceChildren(el("h2", {}, "Nothing to practise offline"),
      el("p", {}, "No exercises are kept on this device yet: open Practice once with a connection."));
    return;
  }
  show();
}

function show() {
  const item = items[index];
  answered = false;
  chosen = [];
  const head = el("p", { class: "meta" },
    `${index + 1} of ${items.length} · ${KIND_NAMES[item.kind] ?? item.kind}${offlineMode ? " · offline" : ""}`,
    item.grammar_point ? ` · ${item.grammar_point.id.replaceAll("_", " ")} (${item.grammar_point.level})` : "");
  const parts = [head, el("p", { class: "prompt" }, item.gapped ? item.prompt.replace(item.gapped, "").trim() : item.prompt)];
  if (item.gapped) parts.push(gapped(item.gapped));
  if (item.kind === "word_order") {
    parts.push(el("p", { class: "order-line", id: "order-line", "aria-live": "polite" }));
    parts.push(choiceButtons(item, pickPhrase));
    parts.push(el("p", {}, el("button", { type: "button", class: "button secondary", id: "order-reset", onclick: resetOrder }, "Start the order again")));
  } else if (item.options.length) {
    parts.push(choiceButtons(item, (i) => submit(item.options[i])));
  } else {
    const input = el("input", { type: "text", id: "typed", autocomplete: "off", autocapitalize: "off", spellcheck: "false",
      maxlength: "300", "aria-label": "Your answer" });
    parts.push(el("form", { class: "typed", onsubmit: (e) => { e.preventDefault(); submit(input.value); } },
      input, " ", el("button", { type: "submit", class: "button primary" }, "Check")));
  }
  parts.push(el("div", { id: "feedback", role: "status" }));
  box.replaceChildren(...parts);
  (document.getElementById("typed") ?? box.querySelector(".choices .button"))?.focus();
}

function choiceButtons(item, onChoose) {
  return el("div", { class: "choices", role: "group", "aria-label": "Choices" },
    item.options.map((option, i) => el("button", { type: "button", class: "button", "data-index": String(i),
      onclick: () => onChoose(i) }, option, " ", el("span", { class: "kbd" }, String(i + 1)))));
}

function pickPhrase(i) {
  const item = items[index];
  if (answered || chosen.includes(i)) return;
  chosen.push(i);
  box.querySelector(`.choices .button[data-index="${i}"]`).disabled = true;
  document.getElementById("order-line").textContent = chosen.map((k) => item.options[k]).join(" ");
  if (chosen.length === item.options.length) submit(chosen.map((k) => item.options[k]).join(" "));
}

function resetOrder() {
  if (answered) return;
  chosen = [];
  document.getElementById("order-line").textContent = "";
  box.querySelectorAll(".choices .button").forEach((b) => { b.disabled = false; });
}

async function submit(answer) {
  const item = items[index];
  if (answered) return;
  if (!answer.trim()) {
    document.getElementById("feedback").replaceChildren(el("p", { class: "error" }, "Type an answer first."));
    return;
  }
  answered = true;
  box.querySelectorAll("button, input").forEach((b) => { if (b.id !== "order-reset") b.disabled = true; });
  try {
    const result = offlineMode ? await answerHere(item, answer)
      : await api(`/practice/items/${item.id}/answer`, { method: "POST", body: { answer, request_id: requestId() } })
        .catch((error) => {
          if (!unreachable(error)) throw error;
          offlineMode = true; // the connection went: the answer is kept on the device instead of lost
          return answerHere(item, answer);
        });
    results.push({ item, result });
    const next = el("button", { type: "button", class: "button primary", id: "next", onclick: advance },
      index + 1 < items.length ? "Next" : "See the summary");
    const verdict = result.correct === null ? ["kept", "Kept on this device."]
      : result.correct ? ["right", "Right!"] : ["wrong", "Not quite."];
    document.getElementById("feedback").replaceChildren(
      el("p", { class: `feedback ${verdict[0]}` }, verdict[1]),
      // (replaceChildren would print a null as "null")
      ...(result.correct !== true || result.near_miss ? [el("p", {}, result.message)] : []),
      el("p", { class: "explanation" }, result.explanation),
      next);
    next.focus();
  } catch (error) {
    answered = false;
    box.querySelectorAll("button, input").forEach((b) => { b.disabled = false; });
    document.getElementById("feedback").replaceChildren(el("p", { class: "error" }, error.message));
  }
}

// As the server normalises answers: NFKC, straight apostrophes, case-folded, single spaces, no
// punctuation or symbols at the edges.
function normalise(text) {
  return text.normalize("NFKC").replace(/[\u2018\u2019\u02bc`]/g, "'").toLowerCase().split(/\s+/).join(" ")
    .replace(/^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu, "");
}

/** Keep the answer in the outbox and grade it here only where the device can be sure: an exact match
 * is right, a wrong choice is wrong; anything else typed waits for the server (it forgives slips). */
async function answerHere(item, answer) {
  await recordAnswer(item, answer);
  const accepted = item.accepted.length ? item.accepted : [item.answer];
  const correct = accepted.some((a) => normalise(a) === normalise(answer)) ? true
    : item.options.length ? false : null;
  const message = correct === null
    ? `It is checked when you are back online. The expected answer is \u201c${item.answer}\u201d.`
    : `The answer is \u201c${item.answer}\u201d.`;
  return { correct, near_miss: false, message, answer: item.answer, explanation: item.explanation };
}

function advance() {
  index += 1;
  if (index < items.length) show();
  else finish();
}

function finish() {
  box.hidden = true;
  done.hidden = false;
  const right = results.filter((r) => r.result.correct).length;
  const waiting = results.filter((r) => r.result.correct === null).length;
  document.getElementById("practice-score").textContent = `You answered ${right} of ${results.length} right.`
    + (waiting ? ` ${waiting} will be checked when you are back online.` : "");
  document.getElementById("practice-results").replaceChildren(...results.map(({ item, result }) =>
    el("li", {}, result.correct === null ? "… " : result.correct ? "✓ " : "✗ ", el("strong", {}, item.word), ` · ${KIND_NAMES[item.kind] ?? item.kind}: `, result.answer)));
  document.getElementById("practice-again").focus();
}

document.addEventListener("keydown", (event) => {
  if (event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement) return;
  if (event.ctrlKey || event.metaKey || event.altKey || box.hidden || !items.length) return;
  const digit = Number.parseInt(event.key, 10);
  if (!answered && digit >= 1 && digit <= 9) {
    const button = box.querySelector(`.choices .button[data-index="${digit - 1}"]`);
    if (button && !button.disabled) { event.preventDefault(); button.click(); }
  }
});

kindForm.addEventListener("submit", (event) => { event.preventDefault(); start(); });
document.getElementById("practice-again").addEventListener("click", start);
start();
