"""Fixtures for the browser tests: the fixture store served by a live uvicorn server, and
Debian's chromium driven by Playwright. Every page records console messages, page errors,
dialogs (alert() must never fire) and failed requests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent.parent / "api"))

from livedb import build_store, serve_store  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

if not CHROMIUM.exists():
    pytest.skip("browser tests need Debian's chromium at /usr/bin/chromium "
                "(apt-get install chromium; .ci/run installs it)", allow_module_level=True)

playwright_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="session")
def web_server(tmp_path_factory):
    path = build_store(tmp_path_factory.mktemp("web") / "pantau.duckdb")
    with serve_store(path) as live:
        yield live


@pytest.fixture(scope="session")
def browser():
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield browser
        browser.close()


class Watched:
    """A page and everything it reported."""

    def __init__(self, page, base_url: str):
        self.page, self.base_url = page, base_url
        self.console, self.errors, self.dialogs, self.failed = [], [], [], []
        page.on("console", lambda m: self.console.append((m.type, m.text)))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", self.on_dialog)
        page.on("requestfailed", lambda r: self.failed.append(r.url))

    def on_dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, route: str = "", ready: str | None = None):
        """Go to /#/route and wait until the dashboard has rendered that view."""
        self.page.goto(f"{self.base_url}/{'#/' + route if route else ''}")
        name = ready or (route.split("?")[0].split("/")[0] or "overview")
        self.page.wait_for_selector(f"body[data-ready='{name}']", state="attached",
                                    timeout=15_000)
        return self.page

    def problems(self) -> list:
        bad = [m for m in self.console if m[0] in ("error", "warning")]
        return bad + self.errors + [f"dialog: {d}" for d in self.dialogs] + self.failed


@pytest.fixture
def watched(browser, web_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield Watched(page, web_server.url)
    context.close()
