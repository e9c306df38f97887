"""Batch coding with Dask (`pantau.corpus`, `pantau batch`): partitions, Parquet output,
failures recorded, resumable runs."""

import json
import re
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from pantau import corpus
from pantau.cli import main
from pantau.errors import InputError
from pantau.sources import Record

DATA = Path(__file__).parent / "data"

DOCS = [
    {"id": "en-1", "lang": "en", "published": "2019-07-20",
     "text": "Iran seized a British-flagged tanker in the Strait of Hormuz on Friday.\n"
             "Britain summoned the Iranian ambassador in London."},
    {"id": "id-1", "lang": "id", "published": "2021-03-19",
     "text": "Presiden Indonesia mengecam serangan terhadap warga sipil di Gaza pada hari Senin. "
             "“Kami menolak kekerasan,” katanya."},
    {"id": "en-2", "lang": "en", "published": "2022-10-04",
     "text": "Japan condemned the North Korean missile launch on Tuesday.\n"
             "\"This is an outrageous act,\" Prime Minister Fumio Kishida told reporters."},
    {"id": "en-3", "lang": "en", "published": "2022-02-23",
     "text": "The European Union imposed sanctions on Russian lawmakers on Wednesday."},
    {"id": "id-2", "lang": "id", "published": "2023-06-09",
     "text": "Presiden Joko Widodo menerima kunjungan Perdana Menteri Malaysia di Bogor."},
]


def write_jsonl(path: Path, docs, bad_line_at: int | None = None) -> Path:
    lines = [json.dumps(d, ensure_ascii=False) for d in docs]
    if bad_line_at is not None:
        lines.insert(bad_line_at, "this line is not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def read_table(output: Path, table: str) -> list[dict]:
    files = sorted((output / table).glob("part-*.parquet"))
    return [row for f in files for row in pq.read_table(f).to_pylist()]


@pytest.fixture
def corpus_file(tmp_path):
    return write_jsonl(tmp_path / "news.jsonl", DOCS, bad_line_at=2)  # line 3 is bad


@pytest.fixture(scope="module")
def client():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        with distributed.Client(cluster) as c:
            yield c


# -- planning ----------------------------------------------------------------------------

def test_jsonl_is_cut_into_line_runs_with_their_line_numbers(corpus_file):
    parts = corpus.plan_partitions([corpus_file], partition_size=2)
    assert [p.first_line for p in parts] == [1, 3, 5]
    assert parts[0].start == 0 and parts[-1].stop == corpus_file.stat().st_size
    origins = [r.origin for p in parts for r in corpus.read_partition(p)]
    assert origins == [f"{corpus_file}:{n}" for n in range(1, 7)]
    bad = [r for p in parts for r in corpus.read_partition(p) if r.error]
    assert [r.origin for r in bad] == [f"{corpus_file}:3"]


def test_folders_are_read_and_files_grouped(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    for n in range(3):
        (folder / f"{n}.txt").write_text(f"Japan condemned the launch number {n}.", encoding="utf-8")
    (folder / ".hidden.txt").write_text("skip me", encoding="utf-8")
    parts = corpus.plan_partitions([folder], partition_size=2)
    assert [len(p.paths) for p in parts] == [2, 1]
    assert all(p.kind == "files" for p in parts)


def test_a_missing_input_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        corpus.plan_partitions([tmp_path / "nope.jsonl"], partition_size=10)


# -- coding ------------------------------------------------------------------------------

def test_inline_run_writes_parquet_and_records_the_bad_line(tmp_path, corpus_file):
    out = tmp_path / "out"
    summary = corpus.code_corpus([corpus_file], out, workers=0, partition_size=2)
    assert (summary.partitions, summary.coded, summary.failed) == (3, 3, 0)
    assert (summary.articles, summary.failures) == (5, 1)
    failures = read_table(out, "failures")
    assert [(f["origin"], f["stage"]) for f in failures] == [(f"{corpus_file}:3", "read")]
    assert "not a JSON object" in failures[0]["reason"]
    articles = read_table(out, "articles")
    assert sorted(a["doc_id"] for a in articles) == ["en-1", "en-2", "en-3", "id-1", "id-2"]
    assert len({a["article_id"] for a in articles}) == 5
    events = read_table(out, "events")
    tanker = [e for e in events if e["evidence_verb"] and "seized" in e["evidence_verb"]]
    assert tanker and tanker[0]["source_code"].startswith("IRN")
    for e in events:  # evidence offsets index the article text
        text = next(a["text"] for a in articles if a["article_id"] == e["article_id"])
        assert text[e["evidence_start"]:e["evidence_end"]] == e["evidence_verb"]
        assert e["sentence_text"] == text[e["sentence_start"]:e["sentence_end"]]
    quotes = read_table(out, "quotes")
    assert any("outrageous" in q["text"] for q in quotes)
    manifest = json.loads((out / "manifest.json").read_text())
    assert len(manifest["partitions"]) == 3 and manifest["totals"]["articles"] == 5


def test_a_crashing_document_is_recorded_with_where_it_failed():
    class Broken:
        def __call__(self, doc):
            raise KeyError("boom")

    part = corpus.Partition("k", "jsonl", ("x.jsonl",))
    failures = []
    doc = corpus.code_record(Broken(), Record("x.jsonl:7", data={"text": "Hello."}), part, failures)
    assert doc is None
    assert failures[0]["origin"] == "x.jsonl:7" and failures[0]["stage"] == "code"
    assert "internal error KeyError" in failures[0]["reason"]
    assert re.search(r"\(corpus\.py:\d+\)$", failures[0]["reason"])  # innermost pantau frame


def test_dask_run_matches_the_inline_run(tmp_path, corpus_file, client):
    inline, dask = tmp_path / "inline", tmp_path / "dask"
    corpus.code_corpus([corpus_file], inline, workers=0, partition_size=2)
    summary = corpus.code_corpus([corpus_file], dask, client=client, partition_size=2)
    assert (summary.coded, summary.failed, summary.failures) == (3, 0, 1)

    def key(rows):
        return sorted((r["article_id"], r["idx"], r["cameo"], r["source_code"]) for r in rows)

    assert key(read_table(dask, "events")) == key(read_table(inline, "events"))
    assert len(read_table(dask, "articles")) == 5


# -- resuming ----------------------------------------------------------------------------

def test_a_second_run_skips_finished_partitions(tmp_path, corpus_file, client):
    out = tmp_path / "out"
    corpus.code_corpus([corpus_file], out, client=client, partition_size=2)
    again = corpus.code_corpus([corpus_file], out, client=client, partition_size=2)
    assert (again.skipped, again.coded) == (3, 0)
    assert len(read_table(out, "articles")) == 5


def test_an_interrupted_run_codes_only_what_is_left(tmp_path, corpus_file):
    out = tmp_path / "out"
    corpus.code_corpus([corpus_file], out, workers=0, partition_size=2)
    manifest = json.loads((out / "manifest.json").read_text())
    lost = next(iter(manifest["partitions"]))
    del manifest["partitions"][lost]  # as if the run had stopped before it finished
    (out / "manifest.json").write_text(json.dumps(manifest))
    again = corpus.code_corpus([corpus_file], out, workers=0, partition_size=2)
    assert (again.skipped, again.coded) == (2, 1)
    assert len(read_table(out, "articles")) == 5


def test_a_failed_partition_is_retried_on_the_next_run(tmp_path, corpus_file, monkeypatch):
    out = tmp_path / "out"
    real = corpus.code_partition

    def flaky(part, output):
        if part.first_line == 3:
            raise OSError("disk gone")
        return real(part, output)

    monkeypatch.setattr(corpus, "code_partition", flaky)
    first = corpus.code_corpus([corpus_file], out, workers=0, partition_size=2)
    assert (first.coded, first.failed) == (2, 1) and "disk gone" in first.errors[0]
    manifest = json.loads((out / "manifest.json").read_text())
    assert len(manifest["partitions"]) == 2 and len(manifest["failed_partitions"]) == 1
    monkeypatch.setattr(corpus, "code_partition", real)
    second = corpus.code_corpus([corpus_file], out, workers=0, partition_size=2)
    assert (second.skipped, second.coded, second.failed) == (2, 1, 0)
    assert len(read_table(out, "articles")) == 5


def test_a_changed_file_is_coded_again_without_duplicates(tmp_path, corpus_file):
    out = tmp_path / "out"
    corpus.code_corpus([corpus_file], out, workers=0, partition_size=2)
    write_jsonl(corpus_file, DOCS[:3])
    again = corpus.code_corpus([corpus_file], out, workers=0, partition_size=2)
    assert again.skipped == 0
    assert sorted(a["doc_id"] for a in read_table(out, "articles")) == ["en-1", "en-2", "id-1"]


def test_another_partition_size_needs_another_folder(tmp_path, corpus_file):
    out = tmp_path / "out"
    corpus.code_corpus([corpus_file], out, workers=0, partition_size=2)
    with pytest.raises(InputError, match="partition-size 2"):
        corpus.code_corpus([corpus_file], out, workers=0, partition_size=3)


# -- reading the output back -------------------------------------------------------------

def test_output_loads_into_the_store_without_coding_again(tmp_path, corpus_file, db_path,
                                                          monkeypatch):
    from pantau.store import Store

    out = tmp_path / "out"
    corpus.code_corpus([corpus_file], out, workers=0, partition_size=2)
    docs = list(corpus.read_documents(out))
    assert len(docs) == 5 and sum(len(d.events) for d in docs) == len(read_table(out, "events"))
    monkeypatch.setattr("pantau.pipeline.load_pipeline", lambda: pytest.fail("coded again"))
    with Store(db_path) as store:
        summary = corpus.load_store(out, store)
        assert summary.new == 5
        assert store.counts()["events"] == len(read_table(out, "events"))
        assert corpus.load_store(out, store).stored == 5


def test_parquet_output_is_queryable_with_duckdb(tmp_path, corpus_file):
    import duckdb

    out = tmp_path / "out"
    corpus.code_corpus([corpus_file], out, workers=0, partition_size=2)
    rows = duckdb.sql(f"SELECT a.lang, count(*) FROM '{out}/events/*.parquet' e "
                      f"JOIN '{out}/articles/*.parquet' a USING (article_id) GROUP BY ALL").fetchall()
    assert sum(n for _, n in rows) == len(read_table(out, "events"))


# -- the command -------------------------------------------------------------------------

def test_batch_command_codes_and_resumes(tmp_path, corpus_file):
    out = tmp_path / "out"
    runner = CliRunner()
    args = ["batch", str(corpus_file), "--output", str(out), "--workers", "0",
            "--partition-size", "2"]
    first = runner.invoke(main, args)
    assert first.exit_code == 0, first.output
    assert "5 articles" in first.output and "1 documents failed" in first.output
    second = runner.invoke(main, args)
    assert "3 done before, 0 coded now" in second.output


def test_batch_command_help_ends_with_an_example():
    result = CliRunner().invoke(main, ["batch", "--help"])
    assert result.exit_code == 0
    assert "Example: pantau batch" in result.output


def test_batch_refuses_workers_and_scheduler_together(tmp_path):
    result = CliRunner().invoke(main, ["batch", str(DATA / "batch.jsonl"), "-o", str(tmp_path),
                                       "--workers", "2", "--scheduler", "tcp://x:8786"])
    assert result.exit_code == 2 and "not both" in result.output


def test_pantau_ingest_reads_a_batch_output_folder(tmp_path, corpus_file):
    import subprocess
    import sys

    out, db = tmp_path / "out", tmp_path / "s.duckdb"
    corpus.code_corpus([corpus_file], out, workers=0, partition_size=2)
    result = subprocess.run([sys.executable, "-m", "pantau", "ingest", str(out), "--db", str(db)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    import duckdb
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 5
