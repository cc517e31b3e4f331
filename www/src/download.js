// Downloads made in the page: blob URLs and <a download>. Charts become
// standalone SVG (their SVG parts stacked, with a segment legend written
// into the SVG) and PNG (that SVG drawn on a canvas).
import { el } from "./dom.js";

const SVG = "http://www.w3.org/2000/svg";

export function download(fileName, content, type) {
  const blob = content instanceof Blob ? content : new Blob([content], { type });
  const url = URL.createObjectURL(blob);
  const link = el("a", { href: url, download: fileName, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * One SVG document from a chart: every <svg> inside `figure`, stacked, then
 * `legend` ([{ colour, label }]) as swatches, on a white background.
 */
export function chartSvg(figure, title, legend = []) {
  const parts = figure instanceof SVGSVGElement ? [figure] : [...figure.querySelectorAll("svg")];
  const root = document.createElementNS(SVG, "svg");
  root.setAttribute("xmlns", SVG);
  root.setAttribute("font-family", "system-ui, sans-serif");
  let y = 28;
  let width = 0;
  const titleNode = document.createElementNS(SVG, "text");
  titleNode.setAttribute("x", "8");
  titleNode.setAttribute("y", "20");
  titleNode.setAttribute("font-size", "15");
  titleNode.setAttribute("font-weight", "600");
  titleNode.textContent = title;
  const body = [titleNode];
  for (const part of parts) {
    const w = Number(part.getAttribute("width")) || part.getBoundingClientRect().width;
    const h = Number(part.getAttribute("height")) || part.getBoundingClientRect().height;
    const copy = part.cloneNode(true);
    copy.setAttribute("x", "0");
    copy.setAttribute("y", String(y));
    copy.setAttribute("width", String(w));
    copy.setAttribute("height", String(h));
    body.push(copy);
    y += h + 8;
    width = Math.max(width, w);
  }
  for (const { colour, label } of legend) {
    const dot = document.createElementNS(SVG, "rect");
    dot.setAttribute("x", "10");
    dot.setAttribute("y", String(y));
    dot.setAttribute("width", "12");
    dot.setAttribute("height", "12");
    dot.setAttribute("fill", colour);
    const text = document.createElementNS(SVG, "text");
    text.setAttribute("x", "28");
    text.setAttribute("y", String(y + 10));
    text.setAttribute("font-size", "12");
    text.textContent = label;
    body.push(dot, text);
    y += 18;
  }
  width = Math.max(width, 320);
  const background = document.createElementNS(SVG, "rect");
  background.setAttribute("width", "100%");
  background.setAttribute("height", "100%");
  background.setAttribute("fill", "#fff");
  root.append(background, ...body);
  root.setAttribute("width", String(width));
  root.setAttribute("height", String(y + 8));
  root.setAttribute("viewBox", `0 0 ${width} ${y + 8}`);
  return new XMLSerializer().serializeToString(root);
}

/** Draws SVG text on a canvas at `scale` and resolves with a PNG blob. */
export async function svgToPng(svgText, scale = 2) {
  const url = URL.createObjectURL(new Blob([svgText], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = el("canvas", { width: image.naturalWidth * scale, height: image.naturalHeight * scale });
    const context = canvas.getContext("2d");
    context.scale(scale, scale);
    context.drawImage(image, 0, 0);
    return await new Promise((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("The PNG could not be made."))), "image/png"),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
