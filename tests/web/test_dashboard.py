"""The dashboard in a real browser (Debian's chromium, headless): every view renders with
no console errors, charts draw, an event row opens its article with the evidence
highlighted, and article text holding <script> or onerror= stays inert text."""

from __future__ import annotations

INK = """(selector) => {
  const canvas = document.querySelector(selector);
  if (!canvas || !canvas.width || !canvas.height) return 0;
  const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
  let painted = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i]) painted++;
  return painted;
}"""
LABELS = """(selector) => window.Chart.getChart(document.querySelector(selector))
  .data.datasets.map((d) => d.label)"""


def test_overview_draws_volume_dyads_and_latest_events(watched):
    page = watched.open()
    assert page.eval_on_selector("#volume-chart", INK.replace("(selector) =>", "(el) =>")
                                 .replace("document.querySelector(selector)", "el")) > 2000
    assert "Goldstein mean" in page.evaluate(LABELS, "#volume-chart")
    assert page.locator("table.dyads tbody tr").count() == 4
    assert page.locator("table.dyads tbody tr").first.inner_text().startswith("RUS ↔ USA")
    assert page.locator("table.events tbody tr").count() == 10
    assert "5 articles" in page.locator("#counts").inner_text()
    assert watched.problems() == []


def test_dyad_page_charts_both_directions(watched):
    page = watched.open("dyad?a=RUS&b=USA&by=day")
    for chart in ("#goldstein-chart", "#quad-chart"):
        assert page.evaluate(INK, chart) > 1000, chart
    assert page.evaluate(LABELS, "#goldstein-chart") == ["RUS → USA", "USA → RUS"]
    quads = page.evaluate(LABELS, "#quad-chart")
    assert "RUS→USA material conflict" in quads and "USA→RUS verbal conflict" in quads
    assert page.locator("#dyad-events tr.event-row").count() == 3
    assert watched.problems() == []


def test_dyad_page_defaults_to_the_top_dyad(watched):
    page = watched.open("dyad")
    assert page.locator("h1").inner_text() == "Dyad RUS ↔ USA"
    assert watched.problems() == []


def test_event_row_opens_the_article_with_the_evidence_highlighted(watched):
    page = watched.open("events")
    page.locator("tr.event-row", has_text="criticized").first.click()
    page.wait_for_selector("body[data-ready='article']", state="attached")
    mark = page.locator("#article-text mark.evidence.selected")
    # the article opens with a flag emoji: offsets count code points, not UTF-16 units
    assert "🇺🇸" in page.locator("#article-text").inner_text()
    assert mark.count() == 1 and mark.inner_text() == "criticized"
    assert page.locator("#article-text .role-source").first.inner_text() == "Joe Biden"
    assert page.locator("#article-text .role-target").first.inner_text() == "Vladimir Putin"
    assert page.locator("h1").inner_text() == "Biden criticizes Putin"
    assert "#/article/" in page.url and "event=" in page.url
    assert watched.problems() == []


def test_xss_article_stays_inert(watched):
    page = watched.open("events")
    page.locator("tr.event-row", has_text="praised").first.click()
    page.wait_for_selector("body[data-ready='article']", state="attached")
    page.wait_for_timeout(300)  # time for anything injected to run, if it could
    text = page.locator("#article-text").inner_text()
    assert "<script>alert(1)</script>" in text
    assert "<img src=x onerror=alert(1)>" in text
    assert page.locator("h1").inner_text().startswith("<img src=x onerror=alert(2)>")
    assert page.locator("#article-text mark.evidence.selected").inner_text() == "praised"
    assert page.locator("#view script, #view img").count() == 0
    assert watched.dialogs == []
    assert watched.problems() == []


def test_xss_in_titles_and_quotes_stays_inert(watched):
    page = watched.open("events")
    assert "<img src=x onerror=alert(2)>" in page.locator("table.events").inner_text()
    page = watched.open("quotes?speaker=Recep+Tayyip+Erdogan", ready="quotes")
    card = page.locator(".quote-card").first
    assert "<img src=x onerror=alert(1)>" in card.inner_text()
    assert page.locator("#view img, #view script").count() == 0
    assert watched.dialogs == [] and watched.problems() == []


def test_event_filters_narrow_the_table(watched):
    page = watched.open("events")
    page.fill("#event-filters input[name=actor]", "CHN")
    page.click("#event-filters button[type=submit]")
    page.wait_for_function("location.href.includes('actor=CHN')")
    page.locator("#events-box p", has_text="3 events").wait_for()
    assert "actor=CHN" in page.url
    assert page.locator("#events-box p").first.inner_text() == "3 events"
    assert page.locator("#events-box tr.event-row").count() == 3
    assert watched.problems() == []


def test_quote_browser_by_speaker(watched):
    page = watched.open("quotes")
    assert page.locator(".speakers li").count() == 5
    page.locator(".speakers a", has_text="Joe Biden").click()
    # the page was already "ready" before the click: wait for the new heading itself
    page.locator("h2", has_text="Quotes of Joe Biden").wait_for()
    assert page.locator("h2", has_text="Quotes of Joe Biden").count() == 1
    cards = page.locator(".quote-card")
    cards.first.wait_for()
    assert cards.count() == 1 and "He has no soul at all," in cards.first.inner_text()
    cards.first.locator("a").click()
    page.wait_for_selector("body[data-ready='article']", state="attached")
    assert page.locator("#article-text .quote").count() >= 1
    assert watched.problems() == []


def test_actor_network_draws_weighted_edges(watched):
    page = watched.open("network")
    assert page.locator("#network-svg path.edge").count() == 5
    assert page.locator("#network-svg g.node").count() == 6
    titles = page.locator("#network-svg path.edge title").all_text_contents()
    assert "USA → RUS: 2 events, Goldstein -3.9" in titles
    page.locator("#network-svg g.node", has_text="TUR").locator("circle").click()
    page.wait_for_selector("body[data-ready='events']", state="attached")
    assert "actor=TUR" in page.url
    assert watched.problems() == []


def test_api_docs_render_offline(watched):
    page = watched.page
    page.goto(f"{watched.base_url}/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=15_000)
    assert page.locator(".swagger-ui .opblock").count() >= 12
    assert watched.problems() == []
