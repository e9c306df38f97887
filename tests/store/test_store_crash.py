"""A real child process killed with SIGKILL mid-ingest leaves no partial article and no
duplicate, and a restart finishes the rest."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from fakes import write_jsonl
from fakes import fake_code
from pantau.sources import make_document
from pantau.store import Store

WORKER = Path(__file__).parent / "ingest_worker.py"
N = 60
LEADERS = ["Joko Widodo", "Joe Biden", "Vladimir Putin", "Recep Tayyip Erdogan",
           "Yoshihide Suga"]

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def make_corpus(path: Path) -> Path:
    records = []
    for i in range(N):
        a, b = LEADERS[i % 5], LEADERS[(i + 2) % 5]
        text = (f"Item {i}. {a} met {b} in Jakarta on day {i}. "
                f"{b} praised {a} for the talks. \"We will keep talking about case {i},\" "
                f"{a} said after the meeting number {i}.")
        records.append({"id": f"doc{i}", "text": text, "published": f"2021-03-{1 + i % 28:02d}",
                        "url": f"https://news.example/{i}", "source": "news.example"})
    return write_jsonl(path, records)


def run_until(db: Path, corpus: Path, marker: str, batch: int = 4) -> int:
    """Start the worker, SIGKILL it when it prints `marker`; returns its exit code."""
    proc = subprocess.Popen([sys.executable, str(WORKER), str(db), str(corpus), str(batch)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    for line in proc.stdout:
        if line.strip() == marker and marker != "done":
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait(timeout=60)
    proc.stdout.close()
    proc.stderr.close()
    return proc.returncode


def expected_rows(corpus: Path) -> dict[str, tuple[int, int, int, int]]:
    """Sentences, actors, events and quotes each article must have, from the fake coder."""
    from pantau.sources import read_source
    out = {}
    for record in read_source(corpus):
        doc = fake_code(make_document(record.data))
        out[doc.url] = (len(doc.sentences), len(doc.actors), len(doc.events), len(doc.quotes))
    return out


def check_store(db: Path, expected: dict) -> int:
    """Every stored article is whole, none is stored twice; returns how many there are."""
    with Store(db) as store:
        con = store.con
        assert con.execute("SELECT count(*) - count(DISTINCT url) FROM articles").fetchone()[0] == 0
        for table in ("sentences", "actors", "events", "quotes"):
            dup = con.execute(f"SELECT count(*) - count(DISTINCT (article_id, idx)) FROM {table}")
            assert dup.fetchone()[0] == 0, table
            orphans = con.execute(f"SELECT count(*) FROM {table} t WHERE NOT EXISTS "
                                  "(SELECT 1 FROM articles a WHERE a.id = t.article_id)")
            assert orphans.fetchone()[0] == 0, table
        rows = con.execute("""
            SELECT a.url,
              (SELECT count(*) FROM sentences s WHERE s.article_id = a.id),
              (SELECT count(*) FROM actors s WHERE s.article_id = a.id),
              (SELECT count(*) FROM events s WHERE s.article_id = a.id),
              (SELECT count(*) FROM quotes s WHERE s.article_id = a.id)
            FROM articles a""").fetchall()
        for url, *counts in rows:
            assert tuple(counts) == expected[url], url
        return len(rows)


@pytest.mark.parametrize("marker", ["writing 8", "committed 12", "writing 28"])
def test_kill_mid_ingest_then_restart(tmp_path, marker):
    corpus = make_corpus(tmp_path / "corpus.jsonl")
    db = tmp_path / "crash.duckdb"
    expected = expected_rows(corpus)
    assert all(e[2] >= 2 and e[3] == 1 for e in expected.values())

    assert run_until(db, corpus, marker) == -signal.SIGKILL
    stored = check_store(db, expected)
    committed = int(marker.split()[1])
    assert stored == committed  # killed inside a transaction: that batch left no trace

    assert run_until(db, corpus, "done") == 0
    assert check_store(db, expected) == N
    with Store(db) as store:
        assert store.counts()["failures"] == 0
