// Quote browser: speakers by how often they are quoted; the quotes of one speaker (or
// matching a text), each linking to its article.

import {pager} from "./table.js";
import {api, el, hashFor, heading} from "./util.js";

function speakerList(speakers, current) {
  if (!speakers.length) return el("p", {class: "muted"}, "No quoted speakers yet.");
  return el("ul", {class: "plain speakers"}, speakers.map((s) => el("li",
    {class: s.name === current ? "chosen" : ""},
    el("a", {href: hashFor("quotes", {speaker: s.name})}, s.name),
    el("span", {class: "muted"}, ` ${s.code || ""} · ${s.quotes}`))));
}

function quoteCard(q) {
  return el("li", {class: "quote-card"},
    el("blockquote", {}, q.text || ""),
    el("p", {class: "small"}, "— ", el("strong", {}, (q.speaker && q.speaker.name) || "unknown"),
      q.speaker && q.speaker.code ? ` (${q.speaker.code})` : "", " · ",
      el("a", {href: hashFor("article", {}, q.article_id)}, q.title || q.article_id),
      q.published ? ` · ${q.published}` : ""));
}

function searchForm(params) {
  return el("form", {class: "filters", onsubmit: (e) => {
    e.preventDefault();
    location.hash = hashFor("quotes", Object.fromEntries(new FormData(e.target).entries()));
  }}, el("label", {}, "speaker ", el("input", {name: "speaker", value: params.get("speaker") || ""})),
  el("label", {}, "text ", el("input", {name: "q", value: params.get("q") || ""})),
  el("button", {type: "submit"}, "Search"));
}

export async function render(view, route) {
  const speaker = route.params.get("speaker") || "";
  const text = route.params.get("q") || "";
  view.append(heading("Quotes"), searchForm(route.params));
  const speakers = await api("speakers", {limit: 100});
  const box = el("div", {id: "quotes-box"});
  view.append(el("div", {class: "columns"},
    el("aside", {}, el("h2", {}, "Speakers"), speakerList(speakers, speaker)),
    el("section", {class: "wide"}, el("h2", {}, speaker ? `Quotes of ${speaker}` : "Latest quotes"), box)));
  const show = async (offset) => {
    const page = await api("quotes", {speaker, q: text, limit: 25, offset});
    box.replaceChildren(page.items.length ? el("ul", {class: "plain"}, page.items.map(quoteCard))
      : el("p", {class: "muted"}, "No quotes match."), pager(page, show));
  };
  await show(0);
}
