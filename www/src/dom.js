// A tiny element builder. Text always goes in through textContent, and
// attributes through setAttribute, so user text is never parsed as HTML.
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value == null || value === false) continue;
    if (key === "text") node.textContent = value;
    else if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key in node && typeof value !== "string") node[key] = value;
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child == null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Shows an error from the library next to a step, naming row and column when it has them. */
export function showError(box, error) {
  if (!error) {
    box.hidden = true;
    box.replaceChildren();
    return;
  }
  const where = [];
  if (error.row != null) where.push(`row ${error.row}`);
  if (error.column != null) where.push(`column "${error.column}"`);
  box.replaceChildren(
    el("strong", { text: where.length ? `Problem at ${where.join(", ")}: ` : "Problem: " }),
    document.createTextNode(error.message),
  );
  box.hidden = false;
}

export const percent = (x) => `${(x * 100).toFixed(1)} %`;

/**
 * Marks `input` invalid with `message` shown right after it (and read with
 * it by assistive technology), or clears that when `message` is null.
 */
export function fieldError(input, message) {
  const id = `${input.id}-error`;
  let note = document.getElementById(id);
  if (!message) {
    note?.remove();
    input.removeAttribute("aria-invalid");
    input.removeAttribute("aria-describedby");
    return;
  }
  if (!note) {
    note = el("span", { id, class: "field-error" });
    input.after(note);
  }
  note.textContent = message;
  input.setAttribute("aria-invalid", "true");
  input.setAttribute("aria-describedby", id);
}
