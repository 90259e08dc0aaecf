// Follows a background job's progress until it ends (no page reloads needed).
const box = document.getElementById("job");
const id = box?.dataset.jobId;

async function refresh() {
  const response = await fetch(`/api/v1/jobs/${id}`, { credentials: "same-origin", headers: { Accept: "application/json" } });
  if (!response.ok) return;
  const run = await response.json();
  for (const field of ["status", "progress", "total", "message"]) {
    const node = box.querySelector(`[data-field="${field}"]`);
    if (node) node.textContent = run[field];
  }
  const bar = box.querySelector(".progress-bar span");
  if (bar && run.total) bar.style.width = `${Math.round((100 * run.progress) / run.total)}%`;
  box.dataset.status = run.status;
  if (run.status === "queued" || run.status === "running") setTimeout(refresh, 1000);
}

if (id) refresh();
