// The dashboard's router: one view per hash route, rendered into <main id="view">.

import * as article from "./article.js";
import * as dyad from "./dyad.js";
import * as events from "./events.js";
import * as network from "./network.js";
import * as overview from "./overview.js";
import * as quotes from "./quotes.js";
import {el, parseHash, resetCharts, showError} from "./util.js";

const VIEWS = {overview, events, dyad, quotes, network, article};
let current = 0; // the number of the latest navigation: an older one that ends late is dropped

async function show() {
  const route = parseHash(location.hash);
  const view = document.getElementById("view");
  const mine = ++current;
  delete document.body.dataset.ready; // set again once this view has rendered
  resetCharts();
  for (const link of document.querySelectorAll("nav a[data-route]")) {
    link.classList.toggle("active", link.dataset.route === route.name);
  }
  const module = VIEWS[route.name] || overview;
  const target = el("div", {class: "page"});
  view.replaceChildren(target); // attached first: charts need a laid-out canvas
  try {
    await module.render(target, route);
  } catch (error) {
    showError(target, error);
  }
  if (mine !== current) return;
  document.body.dataset.ready = route.name;
  document.body.dispatchEvent(new CustomEvent("pantau:rendered"));
}

window.addEventListener("hashchange", show);
show();
