import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

import pantau.store as store_pkg
from fakes import DYAD_RECORDS, write_jsonl
from fakes import fake_code
from pantau.cli_store import COMMANDS, dyad, export, ingest
from pantau.store import Store


@pytest.fixture(autouse=True)
def fake_pipeline(monkeypatch):
    monkeypatch.setattr(store_pkg, "default_coder", lambda: fake_code)


@pytest.fixture
def db(tmp_path, data_dir):
    path = tmp_path / "cli.duckdb"
    records = [{"text": t, "published": d, "source": s, "url": f"https://{s}/{n}"}
               for d, s, n, t in DYAD_RECORDS]
    corpus = write_jsonl(tmp_path / "dyad.jsonl", records)
    result = CliRunner().invoke(ingest, [str(corpus), str(data_dir / "pages"), "--db", str(path)])
    assert result.exit_code == 0, result.output
    return path


def test_every_command_has_help_ending_with_an_example():
    assert [c.name for c in COMMANDS] == ["ingest", "watch", "dyad", "export"]
    for command in COMMANDS:
        result = CliRunner().invoke(command, ["--help"])
        assert result.exit_code == 0
        assert "Example: pantau " + command.name in result.output
        assert "--db" in result.output


def test_ingest_prints_a_summary_and_rerun_is_a_noop(db, data_dir):
    result = CliRunner().invoke(ingest, [str(data_dir / "pages"), "--db", str(db)])
    assert result.exit_code == 0
    assert "4 articles read: 0 new, 4 already stored, 0 failed" in result.output


def test_ingest_reports_failures_and_goes_on(tmp_path):
    corpus = write_jsonl(tmp_path / "bad.jsonl",
                         ["{oops", {"text": "Joe Biden met Vladimir Putin."}])
    result = CliRunner().invoke(ingest, [str(corpus), "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 0
    assert "1 new" in result.output and "1 failed" in result.output
    assert "failures table" in result.output


def test_progress_lines_on_stderr(tmp_path, monkeypatch):
    from pantau import cli_store
    corpus = write_jsonl(tmp_path / "c.jsonl", [{"text": f"Joe Biden met Vladimir Putin {i}."}
                                                for i in range(5)])
    monkeypatch.setattr(cli_store.Progress, "__init__",
                        lambda self, enabled, every=None: (setattr(self, "tty", False),
                                                          setattr(self, "enabled", enabled),
                                                          setattr(self, "every", 0.0),
                                                          setattr(self, "last", 0.0))[0])
    result = CliRunner().invoke(ingest, [str(corpus), "--db", str(tmp_path / "p.duckdb")])
    assert "5 read · 5 new · 0 stored · 0 failed" in result.output
    assert "articles/s" in result.output


def test_dyad_outputs(db, tmp_path):
    runner = CliRunner()
    table = runner.invoke(dyad, ["RUS", "USA", "--db", str(db)])
    assert table.exit_code == 0 and "USA>RUS" in table.output
    data = json.loads(runner.invoke(dyad, ["RUS", "USA", "--json", "--by", "week",
                                           "--db", str(db)]).output)
    assert data["by"] == "week" and data["series"]
    rows = list(csv.DictReader(io.StringIO(runner.invoke(
        dyad, ["RUS", "USA", "--csv", "--db", str(db)]).output)))
    assert rows[0]["period"] == "2021-03-01"
    none = runner.invoke(dyad, ["RUS", "CHN", "--db", str(db)])
    assert none.exit_code == 0 and "no events" in none.output


def test_dyad_plot(db, tmp_path):
    pytest.importorskip("matplotlib")
    out = tmp_path / "plot.png"
    result = CliRunner().invoke(dyad, ["RUS", "USA", "--by", "week", "--plot", str(out),
                                       "--db", str(db)])
    assert result.exit_code == 0 and out.read_bytes().startswith(b"\x89PNG")


def test_dyad_bad_date_is_a_clean_error(db):
    result = CliRunner().invoke(dyad, ["RUS", "USA", "--since", "yesterday", "--db", str(db)])
    assert result.exit_code == 1 and "Error:" in result.output and "date" in result.output


def test_export_formats(db, tmp_path):
    runner = CliRunner()
    out = tmp_path / "events.parquet"
    result = runner.invoke(export, ["--db", str(db), "-o", str(out), "--actor", "RUS",
                                    "--since", "2021-03-01", "--until", "2021-03-15"])
    assert result.exit_code == 0, result.output
    assert pq.read_table(out).num_rows == 4
    jsonl = runner.invoke(export, ["--db", str(db), "--format", "jsonl", "--code", "044",
                                   "--actor", "USA"])
    lines = [json.loads(l) for l in jsonl.output.splitlines() if l.startswith("{")]
    assert len(lines) == 1 and lines[0]["cameo"] == "044"
    gdelt = runner.invoke(export, ["--db", str(db), "--format", "gdelt", "--source", "USA"])
    rows = [l.split("\t") for l in gdelt.output.splitlines() if "\t" in l]
    assert rows and all(len(r) == 61 and r[5] == "USAGOV" for r in rows)


def test_main_group_has_the_store_commands():
    from pantau.cli import main
    for name in ("ingest", "watch", "dyad", "export"):
        assert name in main.commands


def test_db_option_defaults_to_pantau_duckdb(tmp_path, monkeypatch, data_dir):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(ingest, [str(data_dir / "pages" / "globalpost-jokowi-suga.html")])
    assert result.exit_code == 0
    with Store(tmp_path / "pantau.duckdb") as store:
        assert store.counts()["articles"] == 1
