"""`pantau serve`: the REST API and the web dashboard over a store, in one process.
`serve_demo` does the same over the output of `pantau demo` (`pantau demo --serve`).
cli.py adds every command in `COMMANDS`.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Callable

import click

from pantau.document import CodedDocument
from pantau.errors import PantauError
from pantau.store import DEFAULT_DB, Store

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


def run_server(db: str | Path, host: str = "127.0.0.1", port: int = 8000,
               token: str | None = None, echo: Callable[[str], None] = click.echo) -> None:
    """Serve the store at `db` until interrupted."""
    import uvicorn

    from pantau.api import create_app

    app = create_app(db, token=token)
    if host not in LOCAL_HOSTS and not token:
        echo(f"warning: serving on {host} without a token: anyone who reaches this machine "
             "can use the API (set --token or PANTAU_TOKEN)")
    shown = f"[{host}]" if ":" in host else host
    echo(f"pantau dashboard on http://{shown}:{port}/  (API docs: /docs; Ctrl-C stops)")
    uvicorn.run(app, host=host, port=port, log_level="warning")


def ingest_coded(store: Store, jsonl_path: str | Path):
    """Store already-coded documents (contract JSONL, as `pantau code` writes) without
    coding them again."""
    coded: dict[str, dict] = {}
    records = []
    with open(jsonl_path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                data = json.loads(line)
                coded[data["text"]] = data
                records.append(data)

    def reuse(doc: CodedDocument) -> CodedDocument:
        return CodedDocument.from_dict(coded[doc.text])

    return store.ingest_records(records, coder=reuse)


def serve_demo(jsonl_path: str | Path, echo: Callable[[str], None] = click.echo,
               host: str = "127.0.0.1", port: int = 8000) -> None:
    """Store the coded demo articles in a temporary DuckDB file and serve the dashboard."""
    with tempfile.TemporaryDirectory(prefix="pantau-demo-") as folder:
        db = Path(folder) / "demo.duckdb"
        with Store(db) as store:
            summary = ingest_coded(store, jsonl_path)
        echo(f"{summary.new} demo articles stored in {db} ({summary.events} events)")
        run_server(db, host=host, port=port, echo=echo)


@click.command()
@click.option("--db", default=DEFAULT_DB, show_default=True,
              type=click.Path(dir_okay=False), help="The DuckDB store file.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0 opens it to the network).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--token", envvar="PANTAU_TOKEN", default=None,
              help="Require 'Authorization: Bearer TOKEN' for POST endpoints "
                   "(or set PANTAU_TOKEN).")
def serve(db, host, port, token):
    """Serve the REST API (OpenAPI docs at /docs) and the web dashboard over a store:
    events with their evidence, quotes by speaker, dyad timelines, the actor network.
    The store is opened read-only; the server listens on 127.0.0.1 unless told otherwise.

    Example: pantau serve --db pantau.duckdb --port 8000
    """
    try:
        run_server(db, host=host, port=port, token=token)
    except PantauError as exc:
        raise click.ClickException(str(exc)) from exc


COMMANDS = [serve]
