// Actor network: who acts on whom, as an SVG circle of actors with directed, weighted
// edges coloured by mean Goldstein (red conflict, green cooperation). An edge opens the
// dyad page; a node opens that actor's events.

import {api, el, hashFor, heading, svg} from "./util.js";

const SIZE = 640;
const CENTER = SIZE / 2;
const RADIUS = SIZE / 2 - 70;

function layout(nodes) {
  const places = new Map();
  nodes.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, nodes.length) - Math.PI / 2;
    places.set(n.code, {x: CENTER + RADIUS * Math.cos(angle), y: CENTER + RADIUS * Math.sin(angle),
      angle});
  });
  return places;
}

function edgeColor(mean) {
  if (mean === null || mean === undefined) return "#888";
  return mean < 0 ? "#c0392b" : mean > 0 ? "#2e8b57" : "#888";
}

// A curved edge, so that A→B and B→A do not overlap; it stops at the target's circle.
function edgePath(p, q, gap) {
  const mx = (p.x + q.x) / 2, my = (p.y + q.y) / 2;
  const dx = q.x - p.x, dy = q.y - p.y;
  const cx = mx - dy * 0.15, cy = my + dx * 0.15;
  const len = Math.hypot(q.x - cx, q.y - cy) || 1;
  const ex = q.x - ((q.x - cx) / len) * gap, ey = q.y - ((q.y - cy) / len) * gap;
  return `M${p.x.toFixed(1)},${p.y.toFixed(1)} Q${cx.toFixed(1)},${cy.toFixed(1)} ${ex.toFixed(1)},${ey.toFixed(1)}`;
}

function radius(events, maxNode) {
  return 6 + 14 * Math.sqrt(events / maxNode);
}

function drawEdges(net, places, maxEvents, radii) {
  return net.edges.map((e) => {
    const width = 1 + 7 * Math.sqrt(e.events / maxEvents);
    const gap = radii.get(e.target) + 3;
    const path = svg("path", {d: edgePath(places.get(e.source), places.get(e.target), gap),
      class: "edge", fill: "none", stroke: edgeColor(e.goldstein_mean), "stroke-width": width.toFixed(2),
      "stroke-opacity": 0.7, "marker-end": "url(#arrow)",
      onclick: () => { location.hash = hashFor("dyad", {a: e.source, b: e.target}); }});
    const mean = e.goldstein_mean === null ? "–" : e.goldstein_mean.toFixed(1);
    path.append(svg("title", {}, `${e.source} → ${e.target}: ${e.events} events, Goldstein ${mean}`));
    return path;
  });
}

function drawNodes(net, places, maxNode) {
  return net.nodes.map((n) => {
    const p = places.get(n.code);
    const r = radius(n.events, maxNode);
    const outside = {x: CENTER + (RADIUS + r + 8) * Math.cos(p.angle),
      y: CENTER + (RADIUS + r + 8) * Math.sin(p.angle)};
    const anchor = Math.cos(p.angle) > 0.3 ? "start" : Math.cos(p.angle) < -0.3 ? "end" : "middle";
    return svg("g", {class: "node", onclick: () => { location.hash = hashFor("events", {actor: n.code}); }},
      svg("circle", {cx: p.x.toFixed(1), cy: p.y.toFixed(1), r: r.toFixed(1)},
        svg("title", {}, `${n.code}: ${n.events} events`)),
      svg("text", {x: outside.x.toFixed(1), y: outside.y.toFixed(1), "text-anchor": anchor,
        "dominant-baseline": "middle"}, n.code));
  });
}

export function drawNetwork(net) {
  const places = layout(net.nodes);
  const maxEvents = Math.max(1, ...net.edges.map((e) => e.events));
  const maxNode = Math.max(1, ...net.nodes.map((n) => n.events));
  const radii = new Map(net.nodes.map((n) => [n.code, radius(n.events, maxNode)]));
  const defs = svg("defs", {}, svg("marker", {id: "arrow", viewBox: "0 0 10 10", refX: 9, refY: 5,
    markerWidth: 12, markerHeight: 12, markerUnits: "userSpaceOnUse", orient: "auto"},
  svg("path", {d: "M0,0 L10,5 L0,10 z", fill: "#555"})));
  return svg("svg", {id: "network-svg", viewBox: `0 0 ${SIZE} ${SIZE}`, role: "img",
    "aria-label": "Actor network"}, defs, drawEdges(net, places, maxEvents, radii),
  drawNodes(net, places, maxNode));
}

export async function render(view, route) {
  const level = route.params.get("level") === "full" ? "full" : "country";
  view.append(heading("Actor network"), el("p", {class: "muted"},
    "Who acts on whom, from grouped events. Width: events; colour: mean Goldstein. ",
    el("a", {href: hashFor("network", {level: level === "full" ? "country" : "full"})},
      level === "full" ? "Show countries" : "Show full actor codes")));
  const net = await api("network", {limit: 80, level});
  if (!net.edges.length) {
    view.append(el("p", {class: "muted"}, "No events with a target yet."));
    return;
  }
  view.append(el("div", {class: "network"}, drawNetwork(net)));
}
