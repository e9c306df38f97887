import os
import subprocess
import sys
from pathlib import Path

import yaml

from pantau.dictcheck import check_all
from pantau.petrarch import import_petrarch

DATA = Path(__file__).parent / "data"


def test_shipped_dictionaries_have_no_problems():
    problems, warnings, summary = check_all()
    assert problems == []
    assert any(line.startswith("pack id:") for line in summary)
    assert any(line.startswith("pack en:") for line in summary)


def test_import_petrarch_reads_names_synonyms_and_dated_roles():
    people, named = import_petrarch(DATA / "sample.actors.txt")
    assert named == [{"code": "FRE", "kind": "body",
                      "names": {"en": ["Freedonia", "Freedonian", "Republic Of Freedonia"]}}]
    firefly = next(p for p in people if p["name"] == "Rufus T Firefly")
    assert firefly["aliases"] == ["Firefly", "President Firefly"]
    assert firefly["roles"] == [{"code": "FREGOV", "start": "1933-01-01", "end": "1934-12-31"}]
    assert firefly["default"] == "FREELI"
    trentino = next(p for p in people if p["name"].startswith("Sylvania"))
    assert trentino["roles"] == [{"code": "SYLGOV", "start": "1932-06-01"}]


def test_imported_dictionary_is_used_through_pantau_kb(tmp_path):
    kb = tmp_path / "kb"
    out = subprocess.run([sys.executable, "-m", "pantau", "dict", "import-petrarch",
                          str(DATA / "sample.actors.txt"), "--output", str(kb)],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert yaml.safe_load((kb / "people" / "sample-actors.yaml").read_text())
    env = {**os.environ, "PANTAU_KB": str(kb)}
    coded = subprocess.run([sys.executable, "-m", "pantau", "code", "-", "--lang", "en",
                            "--published", "1933-06-01"], input="Firefly met the press.",
                           capture_output=True, text=True, env=env, timeout=120)
    assert '"code": "FREGOV"' in coded.stdout
