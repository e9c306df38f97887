// Article view: the cleaned text with its actors, quotes and event evidence marked, the
// chosen event's evidence highlighted. The text is untrusted: it is cut into pieces that
// become text nodes; nothing of it is ever parsed as HTML.
// Offsets from the server count Unicode code points, so the text is sliced as code points.

import {actorLabel, api, el, fmtNum, goldsteinClass, hashFor, heading,
  safeUrl} from "./util.js";

function spansOf(article, selectedId) {
  const spans = [];
  for (const a of article.actors) {
    spans.push({start: a.start, end: a.end, cls: "actor", note: actorLabel(a)});
  }
  for (const q of article.quotes) {
    spans.push({start: q.start, end: q.end, cls: "quote",
      note: `quote: ${(q.speaker && q.speaker.name) || "unknown speaker"}`});
  }
  for (const e of article.events) {
    const ev = e.evidence || {};
    const chosen = e.id === selectedId;
    spans.push({start: ev.start, end: ev.end, cls: chosen ? "evidence selected" : "evidence",
      note: `${e.cameo} ${e.plover || ""}: ${actorLabel(e.source)} → ${actorLabel(e.target)}`});
    if (chosen) {
      if (e.source) spans.push({start: e.source.start, end: e.source.end, cls: "role-source"});
      if (e.target) spans.push({start: e.target.start, end: e.target.end, cls: "role-target"});
    }
  }
  return spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) &&
    s.start < s.end);
}

// The text as a fragment of text nodes and <span>/<mark> pieces, one per run of
// characters covered by the same spans.
export function markedText(text, spans) {
  const chars = Array.from(text);
  const cuts = new Set([0, chars.length]);
  for (const s of spans) {
    cuts.add(Math.max(0, Math.min(s.start, chars.length)));
    cuts.add(Math.max(0, Math.min(s.end, chars.length)));
  }
  const points = [...cuts].sort((x, y) => x - y);
  const fragment = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const piece = chars.slice(from, to).join("");
    const over = spans.filter((s) => s.start <= from && s.end >= to);
    if (!over.length) { fragment.append(document.createTextNode(piece)); continue; }
    const classes = [...new Set(over.flatMap((s) => s.cls.split(" ")))];
    const tag = classes.includes("evidence") ? "mark" : "span";
    const node = el(tag, {class: classes.join(" "),
      title: over.map((s) => s.note).filter(Boolean).join("\n") || null});
    node.textContent = piece;
    fragment.append(node);
  }
  return fragment;
}

function eventItem(article, e, selectedId) {
  return el("li", {class: e.id === selectedId ? "chosen" : ""},
    el("a", {href: hashFor("article", {event: e.id}, article.article_id)},
      `${actorLabel(e.source)} —${e.cameo} ${e.plover || ""}→ ${actorLabel(e.target)}`),
    " ", el("span", {class: goldsteinClass(e.goldstein)}, fmtNum(e.goldstein)),
    e.negated ? " (negated)" : e.modality && e.modality !== "asserted" ? ` (${e.modality})` : "",
    el("div", {class: "muted small"}, `“${(e.evidence && e.evidence.verb) || ""}” · ${e.rule || ""}`));
}

function quoteItem(q) {
  return el("li", {}, el("q", {}, q.text || ""), " — ",
    el("span", {class: "speaker"}, (q.speaker && q.speaker.name) || "unknown"));
}

function meta(article) {
  const link = safeUrl(article.url);
  return el("p", {class: "muted"}, article.source || "", article.published ? ` · ${article.published}` : "",
    article.lang ? ` · ${article.lang}` : "", link ? " · " : "",
    link ? el("a", {href: link, rel: "noopener noreferrer nofollow", target: "_blank"}, "original") : null,
    article.tone !== null && article.tone !== undefined ? ` · tone ${fmtNum(article.tone)}` : "");
}

export async function render(view, route) {
  const article = await api(`articles/${encodeURIComponent(route.arg)}`);
  const selectedId = route.params.get("event") || null;
  const chosen = article.events.find((e) => e.id === selectedId);
  view.append(heading(article.title || article.id || article.article_id), meta(article));
  if (chosen) {
    view.append(el("p", {class: "chosen-event"}, "Evidence of ",
      el("strong", {}, `${actorLabel(chosen.source)} —${chosen.cameo}→ ${actorLabel(chosen.target)}`),
      " is highlighted."));
  }
  const body = el("article", {class: "article-text", id: "article-text", lang: article.lang || null});
  body.append(markedText(article.text, spansOf(article, selectedId)));
  view.append(el("div", {class: "columns"},
    el("section", {class: "wide"}, el("p", {class: "legend small"},
      el("span", {class: "actor"}, "actor"), " ", el("mark", {class: "evidence"}, "event evidence"),
      " ", el("span", {class: "quote"}, "quote")), body),
    el("aside", {}, el("h2", {}, `Events (${article.events.length})`),
      el("ul", {class: "plain"}, article.events.map((e) => eventItem(article, e, selectedId))),
      el("h2", {}, `Quotes (${article.quotes.length})`),
      el("ul", {class: "plain"}, article.quotes.map(quoteItem)))));
  const mark = body.querySelector("mark.selected");
  if (mark) mark.scrollIntoView({block: "center"});
}
