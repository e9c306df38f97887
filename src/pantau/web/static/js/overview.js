// Overview: store counts, event volume over time (by quad class), top dyads, latest events.

import {eventsTable} from "./table.js";
import {QUAD_COLORS, QUAD_NAMES, api, chartBox, el, fmtNum, goldsteinClass, hashFor,
  heading, makeChart} from "./util.js";

// Daily bars for up to half a year; weekly, then monthly, beyond.
async function loadVolume() {
  let volume = await api("volume", {by: "day"});
  if (volume.series.length > 183) volume = await api("volume", {by: "week"});
  if (volume.series.length > 156) volume = await api("volume", {by: "month"});
  return volume;
}

export function drawVolume(canvas, volume) {
  const labels = volume.series.map((r) => r.period);
  const datasets = QUAD_NAMES.map((name, i) => ({
    type: "bar", label: name, stack: "quad", order: 1, backgroundColor: QUAD_COLORS[i],
    data: volume.series.map((r) => r[`quad${i + 1}`]), yAxisID: "y"}));
  datasets.push({type: "line", label: "Goldstein mean", borderColor: "#333",
    backgroundColor: "#333", data: volume.series.map((r) => r.goldstein_mean),
    yAxisID: "g", spanGaps: true, pointRadius: 2, order: 0});
  return makeChart(canvas, {data: {labels, datasets}, options: {
    scales: {x: {stacked: true}, y: {stacked: true, beginAtZero: true,
      title: {display: true, text: `events per ${volume.by}`}},
    g: {position: "right", min: -10, max: 10, grid: {drawOnChartArea: false},
      title: {display: true, text: "Goldstein"}}}}});
}

function dyadsTable(dyads) {
  if (!dyads.length) return el("p", {class: "muted"}, "No dyads yet.");
  return el("table", {class: "dyads"},
    el("thead", {}, el("tr", {}, ["dyad", "events", "a→b", "b→a", "Goldstein mean"]
      .map((h) => el("th", {}, h)))),
    el("tbody", {}, dyads.map((d) => el("tr", {class: "dyad-row", tabindex: "0",
      onclick: () => { location.hash = hashFor("dyad", {a: d.a, b: d.b}); }},
    el("td", {}, el("a", {href: hashFor("dyad", {a: d.a, b: d.b})}, `${d.a} ↔ ${d.b}`)),
    el("td", {class: "num"}, d.events), el("td", {class: "num"}, d.ab),
    el("td", {class: "num"}, d.ba),
    el("td", {class: `num ${goldsteinClass(d.goldstein_mean)}`}, fmtNum(d.goldstein_mean))))));
}

export async function render(view) {
  view.append(heading("Overview"));
  const [health, volume, dyads, latest] = await Promise.all([
    api("health"), loadVolume(), api("dyads", {limit: 10}),
    api("events", {sort: "-date", limit: 10})]);
  const c = health.counts;
  view.append(el("p", {class: "muted", id: "counts"},
    `${c.articles} articles · ${c.events} events · ${c.quotes} quotes · ${c.actors} actor mentions`));
  const chart = chartBox("volume-chart", "Events over time by quad class, with the mean Goldstein score");
  view.append(el("section", {}, el("h2", {}, "Event volume"), chart));
  drawVolume(chart.querySelector("canvas"), volume);
  view.append(el("div", {class: "columns"},
    el("section", {}, el("h2", {}, "Top dyads"), dyadsTable(dyads)),
    el("section", {class: "wide"}, el("h2", {}, "Latest events"), eventsTable(latest.items),
      el("p", {}, el("a", {href: "#/events"}, "All events ›")))));
}
