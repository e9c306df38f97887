// Dyad page: the A↔B relation over time, both directions: Goldstein mean per period, and
// events by quad class stacked per direction; then the events between them.

import {eventsTable, pager} from "./table.js";
import {QUAD_COLORS, QUAD_NAMES, api, chartBox, el, hashFor, heading,
  makeChart} from "./util.js";

function form(a, b, by) {
  const field = (name, value, label) => el("label", {}, label,
    el("input", {name, value, size: 8, required: true, pattern: "[A-Za-z]{1,24}",
      placeholder: name === "a" ? "RUS" : "USA"}));
  const select = el("select", {name: "by"}, ["day", "week", "month"].map((p) =>
    el("option", {value: p, selected: p === by}, p)));
  return el("form", {class: "filters", id: "dyad-form", onsubmit: (e) => {
    e.preventDefault();
    const data = new FormData(e.target);
    location.hash = hashFor("dyad", {a: data.get("a").toUpperCase(),
      b: data.get("b").toUpperCase(), by: data.get("by")});
  }}, field("a", a, "A "), field("b", b, "B "), el("label", {}, "by ", select),
  el("button", {type: "submit"}, "Show"));
}

function periods(series) {
  return [...new Set(series.map((r) => r.period))];
}

function side(series, source) {
  const rows = new Map(series.filter((r) => r.source === source).map((r) => [r.period, r]));
  return periods(series).map((p) => rows.get(p) || null);
}

export function drawGoldstein(canvas, a, b, series) {
  const line = (source, target, color, dash) => ({label: `${source} → ${target}`,
    data: side(series, source).map((r) => (r ? r.goldstein_mean : null)), borderColor: color,
    backgroundColor: color, spanGaps: true, borderDash: dash, pointRadius: 3});
  return makeChart(canvas, {type: "line", data: {labels: periods(series), datasets: [
    line(a, b, "#1f4e79", []), line(b, a, "#c0392b", [6, 4])]},
  options: {scales: {y: {min: -10, max: 10, title: {display: true, text: "Goldstein mean"}}}}});
}

export function drawQuads(canvas, a, b, series) {
  const datasets = [];
  for (const [source, target, stack, alpha] of [[a, b, "ab", "ff"], [b, a, "ba", "88"]]) {
    const rows = side(series, source);
    QUAD_NAMES.forEach((name, i) => datasets.push({label: `${source}→${target} ${name}`,
      stack, backgroundColor: QUAD_COLORS[i] + alpha,
      data: rows.map((r) => (r ? r[`quad${i + 1}`] : 0))}));
  }
  return makeChart(canvas, {type: "bar", data: {labels: periods(series), datasets},
    options: {scales: {x: {stacked: true}, y: {stacked: true, beginAtZero: true,
      title: {display: true, text: "events (left bar A→B, right bar B→A)"}}},
    plugins: {legend: {labels: {boxWidth: 12, font: {size: 10}}}}}});
}

async function defaultPair() {
  const top = await api("dyads", {limit: 1});
  return top.length ? [top[0].a, top[0].b] : ["RUS", "USA"];
}

async function showEvents(box, a, b, offset) {
  const page = await api("events", {dyad: `${a},${b}`, limit: 20, offset, sort: "-date"});
  box.replaceChildren(eventsTable(page.items), pager(page, (o) => showEvents(box, a, b, o)));
}

export async function render(view, route) {
  let a = (route.params.get("a") || "").toUpperCase();
  let b = (route.params.get("b") || "").toUpperCase();
  const by = route.params.get("by") || "month";
  if (!a || !b) [a, b] = await defaultPair();
  view.append(heading(`Dyad ${a} ↔ ${b}`), form(a, b, by));
  const dyad = await api("dyad", {a, b, by});
  if (!dyad.series.length) {
    view.append(el("p", {class: "muted"}, `No events between ${a} and ${b}.`));
    return;
  }
  const gold = chartBox("goldstein-chart", `Goldstein mean of ${a} and ${b} per ${by}`);
  const quads = chartBox("quad-chart", `Quad-class counts of ${a} and ${b} per ${by}`);
  view.append(el("section", {}, el("h2", {}, "Goldstein mean, both ways"), gold),
    el("section", {}, el("h2", {}, "Events by quad class, both ways"), quads));
  drawGoldstein(gold.querySelector("canvas"), a, b, dyad.series);
  drawQuads(quads.querySelector("canvas"), a, b, dyad.series);
  const box = el("div", {id: "dyad-events"});
  view.append(el("section", {}, el("h2", {}, "Events"), box));
  await showEvents(box, a, b, 0);
}
