import duckdb
import pytest

from pantau.errors import StoreError
from pantau.store import Store
from pantau.store.schema import LATEST


def test_new_store_is_migrated(store):
    tables = {r[0] for r in store.con.execute(
        "SELECT table_name FROM information_schema.tables").fetchall()}
    assert {"articles", "sentences", "actors", "events", "quotes", "failures",
            "schema_version", "feeds", "seen_urls", "event_groups"} <= tables
    assert store.version == LATEST
    versions = [r[0] for r in store.con.execute(
        "SELECT version FROM schema_version ORDER BY version").fetchall()]
    assert versions == list(range(1, LATEST + 1))


def test_reopening_applies_no_migration_twice(tmp_path):
    path = tmp_path / "s.duckdb"
    Store(path).close()
    with Store(path) as again:
        count = again.con.execute("SELECT count(*) FROM schema_version").fetchone()[0]
    assert count == LATEST


def test_indexes_exist(store):
    names = {r[0] for r in store.con.execute("SELECT index_name FROM duckdb_indexes()").fetchall()}
    assert {"events_source", "events_target", "events_day", "articles_url",
            "quotes_speaker", "bands_band"} <= names


def test_newer_store_is_refused(tmp_path):
    path = tmp_path / "future.duckdb"
    Store(path).close()
    con = duckdb.connect(str(path))
    con.execute("INSERT INTO schema_version (version) VALUES (?)", [LATEST + 5])
    con.close()
    with pytest.raises(StoreError, match="newer"):
        Store(path)


def test_store_in_use_reports_store_error(tmp_path):
    path = tmp_path / "busy.duckdb"
    path.write_text("this is not a database")
    with pytest.raises(StoreError, match="cannot open"):
        Store(path)
