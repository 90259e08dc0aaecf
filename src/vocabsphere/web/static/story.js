// The reader: tap or click any word for its look-up popover; arrow keys move between words; statuses,
// saving, speech, "mark the rest known", and reading time. No dependencies.
import { api, el, speak } from "/static/app.js";

const article = document.querySelector("article.reader");
const popover = document.getElementById("word-popover");
const body = popover?.querySelector(".popover-body");
const storyId = Number(article?.dataset.story ?? 0);
const level = article?.dataset.level ?? "";
const lang = article?.dataset.lang ?? "";
const words = [...document.querySelectorAll(".reader-text .w")];
const STATUS_CLASSES = ["new", "presumed", "name", "learning-1", "learning-2", "learning-3", "learning-4", "known", "ignored"];
let current = null; // the word span whose popover is open

// --- Sentences worth learning: the "?" button opens the explanation ----------------------------
for (const button of document.querySelectorAll("button.why")) {
  button.addEventListener("click", (event) => {
    event.stopPropagation();
    const item = document.getElementById(`explain-${button.dataset.highlight}`);
    const details = item?.querySelector("details");
    if (!details) return;
    details.open = true;
    item.scrollIntoView({ behavior: "smooth", block: "nearest" });
  });
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
    return;
  }
  const rect = word.getBoundingClientRect();
  const width = Math.min(360, window.innerWidth - 16);
  const left = Math.max(8, Math.min(rect.left + window.scrollX, window.scrollX + window.innerWidth - width - 8));
  popover.style.left = `${left}px`;
  popover.style.top = `${rect.bottom + window.scrollY + 6}px`;
}

function setStatus(lemma, status) {
  for (const w of words) {
    if (w.dataset.l !== lemma) continue;
    w.classList.remove(...STATUS_CLASSES);
    w.classList.add(status);
  }
}

async function changeStatus(lemma, status, note) {
  try {
    await api(`/statuses/${encodeURIComponent(lemma)}`, { method: "PUT", body: { status } });
    setStatus(lemma, status);
    note.textContent = `Marked ${status.replace("-", " ")}.`;
  } catch (error) {
    note.textContent = error.message;
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
  const sentence = sentenceOf(word);
  let result;
  try {
    const query = new URLSearchParams({ word: word.textContent, sentence, lang });
    const [s, t] = (word.dataset.i ?? "").split(".");
    // The version's stored parse: the server looks the word up by its position, without parsing.
    if (storyId && level && t !== undefined) for (const [k, v] of Object.entries({ story: storyId, level, s, t })) query.set(k, v);
    result = await api(`/lookup?${query}`);
  } catch (error) {
    if (current === word) body.replaceChildren(el("p", { class: "error" }, error.message));
    return;
  }
  if (current !== word) return; // another word was tapped meanwhile
  render(word, sentence, result);
}

function render(word, sentence, r) {
  const sense = r.senses?.[0];
  const note = el("p", { class: "meta", role: "status", "aria-live": "polite" });
  const ipa = r.ipa?.us || r.ipa?.uk;
  const header = el("div", { class: "popover-head" },
    el("strong", { class: "headword" }, r.lemma || r.word),
    ipa ? el("span", { class: "ipa" }, `/${ipa}/`) : null,
    el("button", { type: "button", class: "icon-button play", "aria-label": `Say ${r.lemma || r.word}`,
      onclick: () => { if (!speak(r.lemma || r.word)) note.textContent = "This browser cannot speak."; } }, "▶"),
    r.cefr ? el("span", { class: `level level-${r.cefr.toLowerCase()}` }, r.cefr) : null,
    el("span", { class: "meta" }, r.pos?.toLowerCase() ?? ""),
  );
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
  const synonyms = !unsure && r.synonyms?.length // the first sense's synonyms: only when it is the one meant
    ? el("p", { class: "synonyms" }, "Similar: ", r.synonyms.slice(0, 5).map((s, i) =>
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
  const saved = word.classList.contains("saved");
  const save = el("button", { type: "button", class: "button" }, saved ? "In your vocabulary ✓" : "Save word");
  save.disabled = saved;
  save.addEventListener("click", async () => {
    save.disabled = true;
    try {
      await api("/words", { method: "POST", body: {
        lemma: r.lemma || lemma, pos: r.pos || word.dataset.p || "X", word: word.textContent, sentence,
        story_id: storyId || null, synset_id: savedSense?.synset_id ?? null, definition: savedSense?.definition ?? "",
        translation: (r.translations ?? []).slice(0, 3).join(", ").slice(0, 300), cefr_level: r.cefr ?? null,
      } });
      for (const w of words) if (w.dataset.l === lemma) w.classList.add("saved");
      setStatus(lemma, "learning-1");
      save.textContent = "Saved ✓";
      note.textContent = "Saved to your vocabulary book.";
    } catch (error) {
      save.disabled = false;
      note.textContent = error.message;
    }
  });
  const statuses = el("div", { class: "status-buttons", role: "group", "aria-label": "Status" },
    ["learning-1", "learning-2", "learning-3", "learning-4"].map((s, i) =>
      el("button", { type: "button", class: `chip ${s}`, title: `Learning ${i + 1}`, onclick: () => changeStatus(lemma, s, note) }, String(i + 1))),
    el("button", { type: "button", class: "chip known", onclick: () => changeStatus(lemma, "known", note) }, "Known"),
    el("button", { type: "button", class: "chip ignored", title: "Not a word to learn (a name, a typo…)", onclick: () => changeStatus(lemma, "ignored", note) }, "Ignore"),
  );
  body.replaceChildren(...[header, translation, definition, expression, simpler, synonyms, formLine,
    el("div", { class: "popover-actions" }, save, statuses), note].filter(Boolean));
  popover.setAttribute("aria-label", `Word: ${r.lemma || r.word}`);
  place(word);
}

// --- Mark the rest known, finishing, reading time ------------------------------------------------
const finishStatus = document.getElementById("finish-status");
document.getElementById("mark-known")?.addEventListener("click", async (event) => {
  const button = event.currentTarget;
  button.disabled = true;
  try {
    const result = await api(`/stories/${storyId}/versions/${level}/mark-known`, { method: "POST", body: {} });
    for (const w of words) if (w.classList.contains("new") || w.classList.contains("presumed")) setStatus(w.dataset.l, "known");
    finishStatus.textContent = `${result.changed} words marked known.`;
    button.hidden = true;
  } catch (error) {
    button.disabled = false;
    finishStatus.textContent = error.message;
  }
});

let readingId = null;
let activeSeconds = 0;
let lastTick = Date.now();
let lastInput = Date.now();
const IDLE_AFTER_MS = 90_000; // no scroll, tap or key for this long: the reader has stopped reading

if (storyId && level) {
  api("/readings", { method: "POST", body: { story_id: storyId, level } })
    .then((r) => { readingId = r.id; })
    .catch(() => {}); // reading time is a nicety; the page works without it
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
  } else {
    button.disabled = false;
    finishStatus.textContent = "Could not record that; try again.";
  }
});
