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
    throw new Error(message);
  }
  return data;
}

// Prevent double submission of forms (a second click while the first post is under way).
document.addEventListener("submit", (event) => {
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
});
