// Events page: filters (kept in the URL), the events table and paging.

import {eventsTable, pager} from "./table.js";
import {api, el, hashFor, heading} from "./util.js";

const FIELDS = [
  ["actor", "actor", "RUS"], ["source", "source", "USAGOV"], ["target", "target", "CHN"],
  ["dyad", "dyad", "RUS,USA"], ["cameo", "CAMEO", "11,036"], ["plover", "PLOVER", "ACCUSE"],
  ["since", "since", "2024-01-01"], ["until", "until", "2024-12-31"], ["q", "text", "sanction"],
];
const SORTS = [["-date", "newest"], ["date", "oldest"], ["goldstein", "most conflictual"],
  ["-goldstein", "most cooperative"], ["cameo", "CAMEO code"]];

function filterForm(params) {
  const inputs = FIELDS.map(([name, label, example]) => el("label", {}, `${label} `,
    el("input", {name, value: params.get(name) || "", placeholder: example, size: 10,
      type: name === "since" || name === "until" ? "date" : "text"})));
  const quad = el("select", {name: "quad"}, el("option", {value: ""}, "any"),
    [1, 2, 3, 4].map((q) => el("option", {value: q, selected: params.get("quad") === String(q)},
      String(q))));
  const sort = el("select", {name: "sort"}, SORTS.map(([value, label]) =>
    el("option", {value, selected: (params.get("sort") || "-date") === value}, label)));
  const all = el("input", {type: "checkbox", name: "include_uncounted", value: "true",
    checked: params.get("include_uncounted") === "true"});
  return el("form", {class: "filters", id: "event-filters", onsubmit: (e) => {
    e.preventDefault();
    const data = Object.fromEntries(new FormData(e.target).entries());
    location.hash = hashFor("events", data);
  }}, inputs, el("label", {}, "quad ", quad), el("label", {}, "sort ", sort),
  el("label", {}, all, " negated and hypothetical too"),
  el("button", {type: "submit"}, "Filter"));
}

function query(params) {
  const out = {limit: 50};
  for (const [key, value] of params.entries()) out[key] = value;
  return out;
}

export async function render(view, route) {
  view.append(heading("Events"), filterForm(route.params));
  const box = el("div", {id: "events-box"});
  view.append(box);
  const show = async (offset) => {
    const page = await api("events", Object.assign(query(route.params), {offset}));
    box.replaceChildren(el("p", {class: "muted"}, `${page.total} events`),
      eventsTable(page.items), pager(page, show));
  };
  await show(Number(route.params.get("offset") || 0));
}
