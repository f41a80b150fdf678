// Page behaviour, delegated from the document: the Content Security Policy forbids inline
// <script> blocks and on…="" handlers, so templates mark elements with data attributes instead.

// <select data-autosubmit>: submit its form on change.
document.addEventListener("change", (event) => {
  const field = event.target;
  if (field instanceof HTMLElement && field.matches("[data-autosubmit]") && field.form) {
    field.form.requestSubmit();
  }
});

// Timesheets: "select all" and "select the week" tick the row boxes; without JavaScript each box
// still works.
document.addEventListener("change", (event) => {
  const box = event.target;
  if (!(box instanceof HTMLInputElement) || !box.dataset.select) return;
  const rows = box.dataset.select === "all"
    ? document.querySelectorAll("input[name=shifts]")
    : document.querySelectorAll(`input[name=shifts][data-week="${box.dataset.week}"]`);
  rows.forEach((row) => { row.checked = box.checked; });
});

// Grouped checkboxes: typing narrows the list and opens the groups that still have a match;
// ticks are kept.
document.addEventListener("input", (event) => {
  const input = event.target;
  if (!(input instanceof HTMLInputElement) || !input.matches("[data-checkbox-groups] [data-filter]")) return;
  const q = input.value.trim().toLowerCase();
  input.closest("fieldset").querySelectorAll("details").forEach((group) => {
    let any = false;
    group.querySelectorAll("label").forEach((label) => {
      const hit = !q || label.dataset.text.includes(q);
      label.hidden = !hit;
      any = any || hit;
    });
    group.hidden = !any;
    if (q) group.open = any;
  });
});

// <button data-print>: print the page. <button data-clear="ID">: empty the element ID.
document.addEventListener("click", (event) => {
  const target = event.target instanceof Element ? event.target.closest("[data-print], [data-clear]") : null;
  if (!target) return;
  if (target.hasAttribute("data-print")) window.print();
  const id = target.getAttribute("data-clear");
  if (id) document.getElementById(id).innerHTML = "";
});
