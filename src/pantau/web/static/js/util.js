// Shared helpers: building DOM safely, calling the API, charts and small formatters.
// Article data is untrusted: it only ever reaches the page as text nodes (textContent),
// never as HTML, and links to articles are kept only when they are http(s).

export const QUAD_NAMES = ["verbal cooperation", "material cooperation", "verbal conflict",
  "material conflict"];
export const QUAD_COLORS = ["#4c9f70", "#2b6f9e", "#e0a030", "#c0392b"];

// el("a", {href: "#/", class: "x", onclick: fn}, "text", child) -> element
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export const svgNS = "http://www.w3.org/2000/svg";

export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(svgNS, tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (value !== null && value !== undefined) node.setAttribute(key, String(value));
  }
  return append(node, children);
}

// Only http(s) links from article data; anything else (javascript:, data:) is dropped.
export function safeUrl(url) {
  return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;
}

export class ApiError extends Error {}

export async function api(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") query.set(key, value);
  }
  const qs = query.toString();
  const response = await fetch(`/api/${path}${qs ? "?" + qs : ""}`,
    {headers: {Accept: "application/json"}});
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(body.detail || `${response.status} ${response.statusText}`);
  return body;
}

// Charts made for the current view, destroyed when the view changes.
const charts = [];

export function makeChart(canvas, config) {
  config.options = Object.assign({animation: false, responsive: true,
    maintainAspectRatio: false}, config.options || {});
  const chart = new window.Chart(canvas, config);
  charts.push(chart);
  return chart;
}

export function resetCharts() {
  while (charts.length) charts.pop().destroy();
}

export function chartBox(id, label) {
  return el("div", {class: "chart"}, el("canvas", {id, role: "img", "aria-label": label}));
}

export function fmtNum(value, digits = 1) {
  return value === null || value === undefined ? "–" : Number(value).toFixed(digits);
}

export function goldsteinClass(value) {
  if (value === null || value === undefined) return "neutral";
  return value < 0 ? "conflict" : value > 0 ? "coop" : "neutral";
}

export function actorLabel(ref) {
  if (!ref) return "–";
  return ref.name && ref.name !== ref.code ? `${ref.code} (${ref.name})` : ref.code || "–";
}

export function showError(view, error) {
  view.append(el("p", {class: "error", role: "alert"}, `Could not load: ${error.message}`));
}

export function heading(text, ...rest) {
  return el("h1", {}, text, ...rest);
}

// The hash route: "#/dyad?a=RUS&b=USA" -> {name: "dyad", arg: "", params}
export function parseHash(hash) {
  const raw = (hash || "").replace(/^#\/?/, "");
  const [path, qs] = raw.split("?", 2);
  const [name, ...rest] = path.split("/");
  return {name: name || "overview", arg: decodeURIComponent(rest.join("/")),
    params: new URLSearchParams(qs || "")};
}

export function hashFor(name, params = {}, arg = "") {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") query.set(key, value);
  }
  const qs = query.toString();
  return `#/${name}${arg ? "/" + encodeURIComponent(arg) : ""}${qs ? "?" + qs : ""}`;
}
