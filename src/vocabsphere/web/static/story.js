// The reader: tap or click any word for its look-up popover; arrow keys move between words; statuses,
// saving, speech, "mark the rest known", and reading time. No dependencies.
import { api, el, speak, speechNote } from "/static/app.js";
import { keepStory, storedLookup, unreachable } from "/static/offline.js";

const article = document.querySelector("article.reader");
const popover = document.getElementById("word-popover");
const body = popover?.querySelector(".popover-body");
const storyId = Number(article?.dataset.story ?? 0);
const level = article?.dataset.level ?? "";
const lang = article?.dataset.lang ?? "";
const words = [...document.querySelectorAll(".reader-text .w")];
const STATUS_CLASSES = ["new", "presumed", "name", "learning-1", "learning-2", "learning-3", "learning-4", "known", "ignored"];
const STATUS_CHIPS = [
  ["learning-1", "1"], ["learning-2", "2"], ["learning-3", "3"], ["learning-4", "4"], ["known", "Known"], ["ignored", "Ignore"],
];
const readJson = (id) => JSON.parse(document.getElementById(id)?.textContent || "{}");
const savedIds = readJson("saved-words"); // word key ("troop:NOUN", or a lemma for any part of speech) -> id
const meanings = readJson("status-meanings"); // status label -> what it means
let current = null; // the word span whose popover is open
const OFFLINE_NOTE = "You are offline: saving and marking words need a connection.";

// --- Sentences worth learning: the "?" button shows the explanation beside the sentence -----------
for (const button of document.querySelectorAll("button.why")) {
  button.addEventListener("click", (event) => {
    event.stopPropagation();
    const item = document.getElementById(`explain-${button.dataset.highlight}`);
    const details = item?.querySelector("details");
    if (!details) return;
    details.open = true; // the list below stays in step
    explain(button, details);
  });
}

/** The sentence's explanation in the popover (a bottom sheet on phones), not a jump down the page. */
function explain(button, details) {
  current?.classList.remove("active");
  current = button;
  const parts = [...details.children].filter((child) => child.tagName !== "SUMMARY").map((child) => child.cloneNode(true));
  body.replaceChildren(
    el("p", { class: "headword" }, "Why this sentence is worth learning"),
    ...parts,
    el("p", { class: "meta" }, el("a", { href: `#${details.parentElement.id}` }, "All sentences worth learning")),
  );
  popover.setAttribute("aria-label", "Why this sentence is worth learning");
  popover.hidden = false;
  place(button);
  popover.focus({ preventScroll: true });
}

// --- Keyboard: one tab stop for the text, arrow keys between words -----------------------------
words.forEach((w, i) => { w.tabIndex = i === 0 ? 0 : -1; w.setAttribute("role", "button"); });

function focusWord(index) {
  const next = words[Math.max(0, Math.min(words.length - 1, index))];
  if (!next) return;
  for (const w of words) w.tabIndex = -1;
  next.tabIndex = 0;
  next.focus();
}

document.querySelector(".reader-text")?.addEventListener("keydown", (event) => {
  const index = words.indexOf(event.target);
  if (index < 0) return;
  if (event.key === "ArrowRight" || event.key === "ArrowDown") { event.preventDefault(); focusWord(index + 1); }
  else if (event.key === "ArrowLeft" || event.key === "ArrowUp") { event.preventDefault(); focusWord(index - 1); }
  else if (event.key === "Home") { event.preventDefault(); focusWord(0); }
  else if (event.key === "End") { event.preventDefault(); focusWord(words.length - 1); }
  else if (event.key === "Enter" || event.key === " ") { event.preventDefault(); open(event.target); }
});

document.querySelector(".reader-text")?.addEventListener("click", (event) => {
  const word = event.target.closest?.(".w");
  if (word) open(word);
});

document.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && !popover.hidden) close();
});
// The popover is a dialog: focus moves into it and Tab cycles inside it until it closes.
popover?.addEventListener("keydown", (event) => {
  if (event.key !== "Tab") return;
  const focusable = [...popover.querySelectorAll("button:not([disabled]), a[href]")].filter((e) => e.offsetParent);
  if (!focusable.length) return;
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (event.shiftKey && (document.activeElement === first || document.activeElement === popover)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
});
popover?.querySelector(".close")?.addEventListener("click", () => close());
document.addEventListener("click", (event) => {
  if (!popover.hidden && !popover.contains(event.target) && !event.target.closest?.(".w")) close(false);
});

function close(refocus = true) {
  popover.hidden = true;
  current?.classList.remove("active");
  if (refocus) current?.focus();
  current = null;
}

// --- The popover -------------------------------------------------------------------------------

function sentenceOf(word) {
  const sentence = word.closest(".sent, mark.hl");
  const clone = sentence.cloneNode(true);
  clone.querySelector("button.why")?.remove();
  return clone.textContent.replace(/\s+/g, " ").trim();
}

function place(word) {
  // Phones get a bottom sheet (CSS); wider screens a popover under the word.
  if (window.matchMedia("(max-width: 640px)").matches) {
    popover.style.top = popover.style.left = "";
    // The sheet must not cover the word: scroll it (and the line above it) into view above the sheet.
    const sheetTop = popover.getBoundingClientRect().top;
    const rect = word.getBoundingClientRect();
    if (rect.bottom > sheetTop - 8) window.scrollBy({ top: rect.bottom - sheetTop + rect.height * 2 + 8 });
    return;
  }
  const rect = word.getBoundingClientRect();
  const width = Math.min(360, window.innerWidth - 16);
  const left = Math.max(8, Math.min(rect.left + window.scrollX, window.scrollX + window.innerWidth - width - 8));
  popover.style.left = `${left}px`;
  popover.style.top = `${rect.bottom + window.scrollY + 6}px`;
}

/** The status class a word shows in the reader (new, presumed, name, learning-N, known, ignored). */
function statusOf(word) {
  return STATUS_CLASSES.find((c) => word.classList.contains(c)) ?? "";
}

function describeStatus(status) {
  if (status === "presumed") return "Not marked yet: we guess you know it (it is below your level).";
  if (status === "name") return "A name: not counted as a new word.";
  if (status === "new" || !status) return "Not marked yet: new to you.";
  const label = status.startsWith("learning-") ? `learning ${status.slice(9)}` : status;
  return `Your status: ${label} (${meanings[status] ?? status}).`;
}

/** The saved word id for a word key: its own, else the lemma saved for every part of speech. */
function savedIdOf(key) {
  const cut = key.lastIndexOf(":");
  return savedIds[key] ?? (cut > 0 ? savedIds[key.slice(0, cut)] : undefined);
}

/** Highlight the word's current status chip and say what it means. */
function showStatus(group, line, key) {
  const word = words.find((w) => w.dataset.k === key);
  const status = word ? statusOf(word) : "";
  for (const chip of group.querySelectorAll("button[data-status]")) {
    chip.setAttribute("aria-pressed", String(chip.dataset.status === status));
  }
  line.textContent = describeStatus(status);
}

// Statuses and saved words belong to a lemma in one part of speech (data-k, "troop:NOUN"): every form.
function setStatus(key, status) {
  for (const w of words) {
    if (w.dataset.k !== key) continue;
    w.classList.remove(...STATUS_CLASSES);
    w.classList.add(status);
  }
}

async function changeStatus(word, status, note) {
  try {
    await api(`/statuses/${encodeURIComponent(word.dataset.l)}`, { method: "PUT", body: { status, pos: word.dataset.p || "" } });
    setStatus(word.dataset.k, status);
    note.textContent = `Marked ${status.replace("-", " ")}.`;
  } catch (error) {
    note.textContent = unreachable(error) ? OFFLINE_NOTE : error.message;
  }
}

async function open(word) {
  if (current === word && !popover.hidden) return;
  current?.classList.remove("active");
  current = word;
  word.classList.add("active");
  for (const w of words) w.tabIndex = -1;
  word.tabIndex = 0;
  body.replaceChildren(el("p", { class: "meta" }, "Looking up…"));
  popover.hidden = false;
  place(word);
  popover.focus({ preventScroll: true });
  const sentence = sentenceOf(word);
  let result;
  try {
    const query = new URLSearchParams({ word: word.textContent, sentence, lang });
    const [s, t] = (word.dataset.i ?? "").split(".");
    // The version's stored parse: the server looks the word up by its position, without parsing.
    if (storyId && level && t !== undefined) for (const [k, v] of Object.entries({ story: storyId, level, s, t })) query.set(k, v);
    result = await api(`/lookup?${query}`);
  } catch (error) {
    // Offline: the look-up kept on this device when the story was opened, if there is one.
    const kept = unreachable(error) ? await storedLookup(storyId, level, word.dataset.i ?? "", word.textContent) : null;
    if (current !== word) return;
    if (!kept) {
      const message = unreachable(error) ? "You are offline, and this word's look-up is not kept on this device." : error.message;
      body.replaceChildren(el("p", { class: "error" }, message));
      return;
    }
    result = kept;
  }
  if (current !== word) return; // another word was tapped meanwhile
  render(word, sentence, result);
}

/** Synonyms without British/American doubles ("harmonize", "harmonise"): the first spelling listed stays. */
function distinctSpellings(synonyms) {
  const key = (w) => w.toLowerCase().replace(/is(e|es|ed|ing|ation|ations)$/, "iz$1").replace(/our(s?)$/, "or$1");
  const seen = new Set();
  return synonyms.filter((s) => {
    const k = key(s.word);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function render(word, sentence, r) {
  const sense = r.senses?.[0];
  const note = el("p", { class: "meta", role: "status", "aria-live": "polite" });
  // Each pronunciation beside its own word: the dictionary form's, and the tapped form's when it differs
  // ("troop /tɹup/" and "troops /tɹups/"), in one accent where both have it.
  const accent = r.ipa?.us || (!r.ipa?.uk && r.form_ipa?.us) ? "us" : "uk";
  const ipa = r.ipa?.[accent];
  const formIpa = r.form_ipa?.[accent] || r.form_ipa?.us || r.form_ipa?.uk;
  const sayButton = (text) => el("button", { type: "button", class: "icon-button play", "aria-label": `Say ${text}`,
    onclick: async () => { note.textContent = speechNote(await speak(text)); } }, "▶");
  const header = el("div", { class: "popover-head" },
    el("strong", { class: "headword" }, r.lemma || r.word),
    ipa ? el("span", { class: "ipa" }, `/${ipa}/`) : null,
    sayButton(r.lemma || r.word),
    r.cefr ? el("span", { class: `level level-${r.cefr.toLowerCase()}` }, r.cefr) : null,
    el("span", { class: "meta" }, r.pos?.toLowerCase() ?? ""),
  );
  const formLineIpa = formIpa
    ? el("p", { class: "form-ipa" }, el("span", { class: "meta" }, "Here: "), el("strong", {}, word.textContent), " ",
        el("span", { class: "ipa" }, `/${formIpa}/`), sayButton(word.textContent))
    : null;
  const translation = r.translations?.length
    ? el("p", { class: "translation" }, r.translations.slice(0, 4).join(", "))
    : el("p", { class: "meta" }, r.translation_note || r.note || "No translation in your language; the English meaning is below.");
  // Unsure which sense the sentence means: the likely ones, not one stated as the meaning.
  const unsure = sense && !r.sense_confident && r.senses.length > 1;
  const definition = !sense
    ? el("p", { class: "meta" }, r.note || "No definition found.")
    : unsure
      ? el("div", { class: "sense" }, el("p", { class: "meta" }, "Possible meanings here:"),
          el("ol", { class: "senses" }, r.senses.slice(0, 3).map((s) => el("li", {}, s.definition))))
      : el("div", { class: "sense" },
          el("p", {}, sense.definition),
          sense.examples?.length ? el("p", { class: "example" }, `“${sense.examples[0]}”`) : null);
  const savedSense = unsure ? null : sense;
  const similar = unsure ? [] : distinctSpellings(r.synonyms ?? []); // the first sense's synonyms: only when it is the one meant
  const synonyms = similar.length
    ? el("p", { class: "synonyms" }, "Similar: ", similar.slice(0, 5).map((s, i) =>
        [i ? ", " : "", s.word, s.level ? el("span", { class: "meta" }, ` ${s.level}`) : null]))
    : null;
  // The same simpler words the level versions use: empty when none is safe in this sentence.
  const simpler = r.simpler?.length
    ? el("p", { class: "synonyms" }, "Simpler: ", r.simpler.slice(0, 3).map((s) => s.form).join(", "))
    : null;
  const forms = Object.values(r.forms ?? {}).filter((f, i, all) => f && all.indexOf(f) === i);
  const formLine = forms.length > 1 ? el("p", { class: "meta" }, "Forms: ", forms.join(" · ")) : null;
  const expression = r.expression
    ? el("p", { class: "expression" }, el("strong", {}, r.expression.text), ": ",
        r.expression.translations?.[0] ?? r.expression.senses?.[0]?.definition ?? "")
    : null;

  const lemma = word.dataset.l;
  const key = word.dataset.k || lemma;
  const saveArea = el("div", { class: "save-area" });
  const showSaved = () => {
    const id = savedIdOf(key);
    const href = id ? `/vocabulary/words/${id}` : `/vocabulary?${new URLSearchParams({ q: lemma })}`;
    saveArea.replaceChildren(el("span", { class: "saved-note" }, "✓ In your vocabulary book"), " ",
      el("a", { class: "button secondary", href }, "Open its page"));
  };
  const save = el("button", { type: "button", class: "button primary" }, "Save word");
  save.addEventListener("click", async () => {
    save.disabled = true;
    try {
      const savedWord = await api("/words", { method: "POST", body: {
        lemma, pos: word.dataset.p || r.pos || "X", word: word.textContent, sentence,
        story_id: storyId || null, synset_id: savedSense?.synset_id ?? null, definition: savedSense?.definition ?? "",
        translation: (r.translations ?? []).slice(0, 3).join(", ").slice(0, 300), cefr_level: r.cefr ?? null,
      } });
      savedIds[key] = savedWord.id;
      for (const w of words) if (w.dataset.k === key) w.classList.add("saved");
      if (statusOf(word) === "new" || statusOf(word) === "presumed" || !statusOf(word)) setStatus(key, "learning-1");
      showSaved();
      showStatus(statuses, statusLine, key);
      note.textContent = "Saved to your vocabulary book.";
    } catch (error) {
      if (error.status === 409) { // saved before (e.g. on another page): say so instead of failing
        for (const w of words) if (w.dataset.k === key) w.classList.add("saved");
        showSaved();
        return;
      }
      save.disabled = false;
      note.textContent = unreachable(error) ? OFFLINE_NOTE : error.message;
    }
  });
  if (word.classList.contains("saved") || savedIdOf(key)) showSaved();
  else saveArea.replaceChildren(save);
  const statusLine = el("p", { class: "meta status-line" });
  const statuses = el("div", { class: "status-buttons", role: "group", "aria-label": "How well do you know it?" },
    STATUS_CHIPS.map(([s, text]) =>
      el("button", { type: "button", class: `chip ${s}`, "data-status": s, "aria-pressed": "false",
        title: meanings[s] ?? s, onclick: async () => {
          await changeStatus(word, s, note);
          showStatus(statuses, statusLine, key);
        } },
        el("span", { class: "chip-key" }, text), el("small", {}, meanings[s] ?? ""))),
  );
  showStatus(statuses, statusLine, key);
  body.replaceChildren(...[header, formLineIpa, translation, definition, expression, simpler, synonyms, formLine,
    el("div", { class: "popover-actions" }, saveArea, statusLine, statuses), note].filter(Boolean));
  popover.setAttribute("aria-label", `Word: ${r.lemma || r.word}`);
  place(word);
}

// --- Mark the rest known, finishing, reading time ------------------------------------------------
const finishStatus = document.getElementById("finish-status");
const markKnown = document.getElementById("mark-known");
const confirmBox = document.getElementById("mark-known-confirm");
const undoButton = document.getElementById("mark-known-undo");
let lastMarked = null; // {lemmas, classes}: what the undo restores

/** The words "mark the rest known" would change: unmarked words, names left alone (as the server does). */
function restLemmas() {
  return new Set(words.filter((w) => ["new", "presumed"].includes(statusOf(w))).map((w) => w.dataset.k));
}

markKnown?.addEventListener("click", () => {
  const count = restLemmas().size;
  const noun = count === 1 ? "word" : "words";
  document.getElementById("mark-known-question").textContent =
    `Mark the ${count} ${noun} you have not marked yet as known? Saved and learning words keep their status.`;
  document.getElementById("mark-known-yes").textContent = `Mark ${count} known`;
  confirmBox.hidden = false;
  document.getElementById("mark-known-yes").focus();
});
document.getElementById("mark-known-no")?.addEventListener("click", () => {
  confirmBox.hidden = true;
  markKnown.focus();
});
document.getElementById("mark-known-yes")?.addEventListener("click", async (event) => {
  const button = event.currentTarget;
  button.disabled = true;
  try {
    const before = new Map(words.map((w) => [w, statusOf(w)]));
    const result = await api(`/stories/${storyId}/versions/${level}/mark-known`, { method: "POST", body: {} });
    const changed = new Set(result.lemmas);
    for (const w of words) if (changed.has(w.dataset.k)) setStatus(w.dataset.k, "known");
    lastMarked = { lemmas: result.lemmas, before };
    finishStatus.textContent = `${result.changed} ${result.changed === 1 ? "word" : "words"} marked known.`;
    confirmBox.hidden = true;
    markKnown.hidden = true;
    undoButton.hidden = false;
    undoButton.focus();
  } catch (error) {
    finishStatus.textContent = error.message;
  } finally {
    button.disabled = false;
  }
});
undoButton?.addEventListener("click", async () => {
  if (!lastMarked) return;
  undoButton.disabled = true;
  try {
    await api("/statuses/undo-known", { method: "POST", body: { lemmas: lastMarked.lemmas } });
    for (const [w, status] of lastMarked.before) {
      if (!status || statusOf(w) !== "known") continue;
      w.classList.remove(...STATUS_CLASSES);
      w.classList.add(status);
    }
    finishStatus.textContent = "Undone: those words are unmarked again.";
    lastMarked = null;
    undoButton.hidden = true;
    markKnown.hidden = false;
  } catch (error) {
    finishStatus.textContent = error.message;
  } finally {
    undoButton.disabled = false;
  }
});

let readingId = null;
let activeSeconds = 0;
let lastTick = Date.now();
let lastInput = Date.now();
const IDLE_AFTER_MS = 90_000; // no scroll, tap or key for this long: the reader has stopped reading

if (storyId && level && navigator.onLine) {
  // Opened stories are kept for reading offline: their look-ups go to the device (the page is kept by
  // the service worker).
  keepStory(storyId, level, lang).catch(() => {});
}

/** Open this reading on the server; reading time is a nicety, so the page works without it. */
function startReading() {
  return api("/readings", { method: "POST", body: { story_id: storyId, level } })
    .then((r) => { readingId = r.id; })
    .catch(() => {});
}
let readingStarted = Promise.resolve();

if (storyId && level) {
  readingStarted = startReading();
  for (const type of ["scroll", "keydown", "pointerdown", "touchstart"]) {
    window.addEventListener(type, () => { lastInput = Date.now(); }, { passive: true });
  }
  setInterval(() => {
    const now = Date.now();
    if (document.visibilityState === "visible" && now - lastInput < IDLE_AFTER_MS) activeSeconds += (now - lastTick) / 1000;
    lastTick = now;
  }, 1000);
  setInterval(() => report(false), 30_000);
  document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") report(false); });
}

async function report(finished) {
  if (finished) {
    // "I've finished" tapped before the reading was opened (a slow phone), or opened offline: wait, or open it now.
    await readingStarted;
    if (!readingId && storyId && level) await startReading();
  }
  if (!readingId) return null;
  const seconds = Math.floor(activeSeconds);
  if (!finished && seconds < 1) return null;
  activeSeconds -= seconds;
  try {
    return await api(`/readings/${readingId}`, { method: "POST", body: { seconds, finished } });
  } catch {
    activeSeconds += seconds; // try again with the next report
    return null;
  }
}

document.getElementById("finish-story")?.addEventListener("click", async (event) => {
  const button = event.currentTarget;
  button.disabled = true;
  const result = await report(true);
  if (result) {
    const pace = result.words_per_minute ? ` at about ${Math.round(result.words_per_minute)} words a minute` : "";
    finishStatus.textContent = `Finished${pace}. Well done!`;
    button.textContent = "Finished ✓";
    offerNext();
  } else {
    button.disabled = false;
    finishStatus.textContent = "Could not record that; try again.";
  }
});

/** After finishing: the learner's words saved here to review, and the next story picked for them. */
async function offerNext() {
  const savedHere = new Set(words.filter((w) => w.classList.contains("saved")).map((w) => w.dataset.k)).size;
  const links = el("p", { class: "next-steps" });
  if (savedHere) {
    links.append(el("a", { class: "button primary", href: "/review" },
      `Review your words (${savedHere} saved here)`), " ");
  }
  const next = await api("/stories-for-you/next").catch(() => null);
  if (next && next.story_id !== storyId) {
    links.append(el("a", { class: "button secondary", href: `/stories/${next.story_id}?level=${next.level}` },
      "Read the next story for you"));
  }
  if (links.childNodes.length) finishStatus.after(links);
}

// --- A story whose level versions are still being built: its job's progress, then the versions ------
const pending = document.getElementById("versions-pending");
if (pending) {
  const started = Date.now();
  const step = document.getElementById("versions-step");
  const bar = document.getElementById("versions-bar");
  const showVersions = async () => {
    const found = await api(`/stories/${pending.dataset.story}/versions`).catch(() => []);
    if (found.length) window.location.reload();
    return found.length > 0;
  };
  const follow = async () => {
    // The teacher who added the story sees which step the job is on and which levels are ready.
    const run = pending.dataset.job ? await api(`/jobs/${pending.dataset.job}`).catch(() => null) : null;
    if (run) {
      if (run.status === "done") step.textContent = "The versions are ready; showing them now.";
      else if (run.message) step.textContent = run.message;
      if (bar && run.total) {
        bar.setAttribute("aria-valuemax", String(run.total));
        bar.setAttribute("aria-valuenow", String(run.progress));
        bar.firstElementChild.style.width = `${Math.round((100 * run.progress) / run.total)}%`;
      }
      if (run.status === "failed") {
        step.textContent = `The versions could not be built: ${run.message} The original text is below.`;
        return;
      }
    }
    if ((!run || run.status === "done") && (await showVersions())) return;
    if (Date.now() - started < 15 * 60_000) setTimeout(follow, run ? 1000 : 3000);
    else step.textContent = "The versions are taking longer than usual; reload this page later.";
  };
  setTimeout(follow, pending.dataset.job ? 500 : 3000);
}
