"""The app as a whole: JSON errors, security headers, offline API docs, vendored assets,
and the `pantau serve` command with `serve_demo`."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from pantau import cli_serve
from pantau.api import create_app
from pantau.api.app import static_dir
from pantau.cli import main
from pantau.errors import StoreError
from pantau.store import Store


def test_unknown_paths_are_json_404(client):
    response = client.get("/api/nothing")
    assert response.status_code == 404
    assert response.json() == {"status": 404, "detail": "Not Found"}


def test_wrong_method_is_json_405(client):
    response = client.delete("/api/events")
    assert response.status_code == 405 and response.json()["status"] == 405


def test_bad_json_body_is_422(client):
    response = client.post("/api/code", content=b"{not json",
                           headers={"content-type": "application/json"})
    assert response.status_code == 422 and response.json()["status"] == 422


def test_pages_carry_a_strict_content_security_policy(client):
    for path in ("/", "/api/events", "/static/js/main.js"):
        headers = client.get(path).headers
        csp = headers["content-security-policy"]
        assert "script-src 'self';" in csp and "object-src 'none'" in csp
        assert headers["x-content-type-options"] == "nosniff"


def test_dashboard_page_uses_only_local_assets(client):
    html = client.get("/").text
    assert "<script" in html and 'id="view"' in html
    for url in re.findall(r'(?:src|href)="([^"]+)"', html):
        assert url.startswith(("/", "#")), url
        if url.startswith("/static/"):
            assert client.get(url).status_code == 200, url


def test_api_docs_work_offline(client):
    html = client.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower()
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200
    schema = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/quotes", "/api/actors", "/api/dyad",
            "/api/articles/{article_id}", "/api/code", "/api/health"} <= set(schema["paths"])
    assert "HTTPBearer" in schema["components"]["securitySchemes"]


def test_vendored_libraries_keep_their_licences():
    vendor = static_dir() / "vendor"
    assert (vendor / "chartjs" / "chart.umd.min.js").stat().st_size > 100_000
    assert "MIT License" in (vendor / "chartjs" / "LICENSE.md").read_text()
    assert "Apache License" in (vendor / "swagger-ui" / "LICENSE").read_text()


def test_missing_store_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="pantau ingest"):
        create_app(tmp_path / "none.duckdb")


def test_serve_command_is_registered_with_safe_defaults():
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    assert "[default: 127.0.0.1]" in result.output and "PANTAU_TOKEN" in result.output
    assert "Example: pantau serve --db pantau.duckdb" in result.output
    assert cli_serve.COMMANDS == [cli_serve.serve]


def test_serve_command_passes_options(monkeypatch, store_path):
    calls = []
    monkeypatch.setattr(cli_serve, "run_server", lambda db, **kw: calls.append((db, kw)))
    monkeypatch.setenv("PANTAU_TOKEN", "from-env")
    result = CliRunner().invoke(main, ["serve", "--db", str(store_path), "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert calls == [(str(store_path), {"host": "127.0.0.1", "port": 8123, "token": "from-env"})]


def test_serve_command_reports_a_missing_store(tmp_path):
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 1 and "no pantau store" in result.output


def test_serve_demo_stores_coded_documents_as_they_are(monkeypatch, tmp_path):
    import pantau

    texts = ["Joe Biden criticized Vladimir Putin on Friday.", "Rusia mengecam Amerika Serikat."]
    coded = tmp_path / "demo.jsonl"
    docs = [pantau.code(t, published="2021-03-19", id=f"d{i}") for i, t in enumerate(texts)]
    coded.write_text("".join(__import__("json").dumps(d.to_dict()) + "\n" for d in docs))
    seen = {}

    def fake_run(db, **kw):
        with Store(db, read_only=True) as store:
            seen["counts"] = store.counts()
            seen["events"] = [(e["source_code"], e["cameo"]) for e in store.events()]

    monkeypatch.setattr(cli_serve, "run_server", fake_run)
    lines = []
    cli_serve.serve_demo(coded, lines.append)
    assert seen["counts"]["articles"] == 2
    assert seen["counts"]["events"] == sum(len(d.events) for d in docs)
    assert sorted(seen["events"]) == sorted((e.source.code, e.cameo) for d in docs
                                            for e in d.events if e.counted)
    assert "2 demo articles stored" in lines[0]
