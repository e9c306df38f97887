"""The benchmark suite runs (its figures are never asserted: they depend on the machine)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_quick_benchmark_runs_and_prints_one_table(tmp_path):
    figures = tmp_path / "figures.json"
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--no-dask",
         "--articles", "120", "--events", "50000", "--json", str(figures)],
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    for metric in ("pantau code, end to end", "stage events", "peak RSS", "bare tokenize",
                   "ingest, store alone", "dyad RUS-USA"):
        assert metric in result.stdout
    assert figures.exists()


def test_the_corpus_is_deterministic_and_bilingual(tmp_path):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from make_corpus import write_corpus
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    write_corpus(first, 40)
    write_corpus(second, 40)
    assert first.read_bytes() == second.read_bytes()
    text = first.read_text(encoding="utf-8")
    assert '"lang": "id"' in text and '"lang": "en"' in text
