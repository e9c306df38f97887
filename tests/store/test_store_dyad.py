import csv
import io
import json

import pytest

from pantau.errors import StoreError
from pantau.store import Filters
from pantau.store.dyad import COLUMNS, format_csv, format_json, format_table, plot_series


def by_key(rows):
    return {(r["period"], r["source"]): r for r in rows}


def test_monthly_series_both_directions(dyad_store):
    rows = by_key(dyad_store.dyad("RUS", "USA", by="month"))
    usa = rows[("2021-03-01", "USA")]
    assert usa["target"] == "RUS"
    assert (usa["events"], usa["mentions"], usa["quad3"]) == (1, 2, 1)
    assert usa["goldstein_sum"] == -2.0 and usa["goldstein_mean"] == -2.0
    rus = rows[("2021-03-01", "RUS")]
    assert (rus["events"], rus["quad1"], rus["quad3"]) == (2, 1, 1)
    assert rus["goldstein_sum"] == pytest.approx(1.4)
    assert rus["goldstein_mean"] == pytest.approx(0.7)
    assert rows[("2021-04-01", "USA")]["quad1"] == 1
    quiet = rows[("2021-04-01", "RUS")]
    assert quiet["events"] == 0 and quiet["goldstein_mean"] is None


def test_weekly_series_fills_quiet_weeks(dyad_store):
    rows = dyad_store.dyad("RUS", "USA", by="week")
    periods = sorted({r["period"] for r in rows})
    assert periods == ["2021-03-01", "2021-03-08", "2021-03-15", "2021-03-22", "2021-03-29"]
    assert len(rows) == 10
    assert [r["source"] for r in rows[:2]] == ["RUS", "USA"]


def test_daily_series_and_filters(dyad_store):
    rows = dyad_store.dyad("RUS", "USA", by="day",
                           filters=Filters(since="2021-03-02", until="2021-03-31"))
    assert rows[0]["period"] == "2021-03-03" and rows[-1]["period"] == "2021-03-10"
    assert sum(r["events"] for r in rows) == 2


def test_full_codes_and_other_actors(dyad_store):
    assert sum(r["events"] for r in dyad_store.dyad("rusgov", "USAGOV")) == 4
    assert dyad_store.dyad("RUS", "CHN") == []
    tur = dyad_store.dyad("TUR", "RUS")
    assert sum(r["quad1"] for r in tur if r["source"] == "TUR") == 1


def test_bad_period_is_a_store_error(dyad_store):
    with pytest.raises(StoreError, match="--by"):
        dyad_store.dyad("RUS", "USA", by="year")
    with pytest.raises(StoreError, match="date"):
        dyad_store.dyad("RUS", "USA", filters=Filters(since="last week"))


def test_formats(dyad_store):
    rows = dyad_store.dyad("RUS", "USA", by="month")
    data = json.loads(format_json("rus", "usa", "month", rows))
    assert data["a"] == "RUS" and data["series"] == rows
    parsed = list(csv.DictReader(io.StringIO(format_csv(rows))))
    assert list(parsed[0]) == list(COLUMNS) and len(parsed) == len(rows)
    table = format_table(rows)
    assert "USA>RUS" in table and "2021-04-01" in table


def test_plot_writes_a_png(dyad_store, tmp_path):
    pytest.importorskip("matplotlib")
    rows = dyad_store.dyad("RUS", "USA", by="week")
    out = tmp_path / "rus-usa.png"
    plot_series("RUS", "USA", "week", rows, str(out))
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert out.stat().st_size > 5000
