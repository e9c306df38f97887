import json
import subprocess
import sys
from pathlib import Path

DATA = Path(__file__).parent / "data"
PANTAU = [sys.executable, "-m", "pantau"]


def run(*args, stdin=None):
    return subprocess.run([*PANTAU, *args], input=stdin, capture_output=True, text=True, timeout=300)


def lines(stdout):
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def test_code_jsonl_reports_bad_lines_and_goes_on(validate):
    result = run("code", str(DATA / "batch.jsonl"))
    assert result.returncode == 1
    docs = lines(result.stdout)
    assert [d["id"] for d in docs] == ["ok-1", "ok-2"]
    for doc in docs:
        validate(doc)
    assert "batch.jsonl:2: not a JSON object" in result.stderr
    assert "batch.jsonl:3: the object has no 'text' string" in result.stderr
    assert docs[1]["lang"] == "id"


def test_code_text_from_stdin_with_flags(validate):
    result = run("code", "-", "--lang", "id", "--published", "2021-03-19",
                 stdin="Rusia mengecam Amerika Serikat pada hari Jumat.")
    assert result.returncode == 0, result.stderr
    (doc,) = lines(result.stdout)
    validate(doc)
    assert doc["lang"] == "id" and doc["published"] == "2021-03-19"


def test_code_html_file_to_output(tmp_path, validate):
    out = tmp_path / "out.jsonl"
    result = run("code", str(DATA / "artikel.html"), "--output", str(out))
    assert result.returncode == 0, result.stderr
    (doc,) = lines(out.read_text())
    validate(doc)
    assert doc["title"] == "Menlu bertemu mitranya dari Vietnam di Hanoi"
    assert "zona ekonomi eksklusif" in doc["text"]
    assert "Baca juga" not in doc["text"] and "Beranda" not in doc["text"]
    assert doc["published"] == "2023-09-14"


def test_binary_and_missing_files_fail_cleanly():
    result = run("code", str(DATA / "binary.txt"), str(DATA / "missing.txt"))
    assert result.returncode == 1
    assert "binary.txt: binary data" in result.stderr
    assert "missing.txt: cannot read the file" in result.stderr
    assert "Traceback" not in result.stderr


def test_demo_prints_events_and_quotes(tmp_path):
    out = tmp_path / "demo.jsonl"
    result = run("demo", "--output", str(out))
    assert result.returncode == 0, result.stderr
    assert "articles coded ->" in result.stdout
    assert "quote" in result.stdout and "event" in result.stdout
    assert len(lines(out.read_text())) >= 4


def test_every_command_has_help_with_an_example():
    from pantau.cli import main

    def walk(group, prefix=()):
        for name, command in group.commands.items():
            if hasattr(command, "commands"):
                yield from walk(command, prefix + (name,))
            else:
                yield prefix + (name,)

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    for path in walk(main):
        result = run(*path, "--help")
        assert result.returncode == 0, path
        assert "Example:" in result.stdout, path
        assert path[-1] in readme, f"README does not document pantau {' '.join(path)}"


def test_giant_and_empty_documents_are_reported_and_the_rest_goes_on(tmp_path, validate):
    giant = "Kata " * 450_000  # 2.25 million characters: over the 2,000,000 limit
    rows = [json.dumps({"id": "giant", "text": giant}), json.dumps({"id": "empty", "text": ""}),
            json.dumps({"id": "ok", "lang": "en", "text": "Germany expelled two diplomats."})]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = run("code", str(path))
    assert result.returncode == 1
    assert "mixed.jsonl:1: the text has 2,250,000 characters, over the limit" in result.stderr
    ids = [d["id"] for d in lines(result.stdout)]
    assert ids == ["empty", "ok"]


def test_latin1_text_file_is_read(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Le ministre a déclaré que la réunion était reportée.".encode("latin-1"))
    result = run("code", str(path))
    assert result.returncode == 0, result.stderr
    (doc,) = lines(result.stdout)
    assert "déclaré" in doc["text"]
