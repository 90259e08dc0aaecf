// A word's page: ▶ says the word (the device's voice, else the server's recording). No dependencies.
import { speak, speechNote } from "/static/app.js";

const button = document.getElementById("say-word");
const note = document.getElementById("say-note");
button?.addEventListener("click", async () => {
  note.textContent = speechNote(await speak(button.dataset.word));
});
