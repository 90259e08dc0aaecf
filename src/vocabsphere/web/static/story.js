// Tapping a highlighted sentence opens its explanation (and scrolls to it on small screens).
for (const mark of document.querySelectorAll("mark.hl")) {
  const open = () => {
    const item = document.getElementById(`explain-${mark.dataset.highlight}`);
    const details = item?.querySelector("details");
    if (!details) return;
    details.open = true;
    item.scrollIntoView({ behavior: "smooth", block: "nearest" });
  };
  mark.addEventListener("click", open);
  mark.addEventListener("keydown", (event) => { if (event.key === "Enter" || event.key === " ") { event.preventDefault(); open(); } });
}
