// The events table, shared by the overview, the dyad page and the events page. A row
// opens the article with that event's evidence highlighted.

import {actorLabel, el, fmtNum, goldsteinClass, hashFor} from "./util.js";

function openEvent(event) {
  location.hash = hashFor("article", {event: event.id}, event.article_id);
}

function eventRow(event) {
  const flags = event.negated ? " (negated)" :
    event.modality && event.modality !== "asserted" ? ` (${event.modality})` : "";
  const row = el("tr", {class: "event-row", tabindex: "0", dataset: {id: event.id},
    title: "Open the article with the evidence highlighted",
    onclick: () => openEvent(event),
    onkeydown: (e) => { if (e.key === "Enter") openEvent(event); }},
  el("td", {class: "nowrap"}, event.date || "–"),
  el("td", {}, actorLabel(event.source)),
  el("td", {class: "nowrap"}, el("code", {}, event.cameo), " ", event.plover || "", flags),
  el("td", {}, actorLabel(event.target)),
  el("td", {class: `num ${goldsteinClass(event.goldstein)}`}, fmtNum(event.goldstein)),
  el("td", {class: "evidence-cell"}, (event.evidence && event.evidence.verb) || ""),
  el("td", {class: "source-cell"}, event.outlet || "", event.title ? ": " : "", event.title || ""));
  return row;
}

export function eventsTable(events) {
  if (!events.length) return el("p", {class: "muted"}, "No events match.");
  return el("table", {class: "events"},
    el("thead", {}, el("tr", {},
      ["date", "source", "event", "target", "Goldstein", "evidence", "reported by"]
        .map((h) => el("th", {}, h)))),
    el("tbody", {}, events.map(eventRow)));
}

export function pager(page, onPage) {
  const {total, limit, offset} = page;
  const last = Math.min(offset + limit, total);
  return el("div", {class: "pager"},
    el("button", {type: "button", disabled: offset <= 0,
      onclick: () => onPage(Math.max(0, offset - limit))}, "‹ previous"),
    el("span", {class: "muted"}, total ? ` ${offset + 1}–${last} of ${total} ` : " 0 "),
    el("button", {type: "button", disabled: last >= total,
      onclick: () => onPage(offset + limit)}, "next ›"));
}
