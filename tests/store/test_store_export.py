import io
import json

import pyarrow.parquet as pq
import pytest

from pantau.errors import StoreError
from pantau.store import Filters
from pantau.store.gdelt import COLUMNS, split_actor


def export(store, **kwargs):
    out = io.BytesIO()
    count = store.export(out, **kwargs)
    return count, out.getvalue()


def test_parquet_events_with_evidence_and_counts(dyad_store):
    count, data = export(dyad_store, fmt="parquet")
    table = pq.read_table(io.BytesIO(data))
    assert table.num_rows == count == 6
    row = table.to_pylist()[0]
    assert {"source_code", "target_code", "cameo", "goldstein", "evidence_verb", "url",
            "num_mentions", "num_sources", "num_articles", "story_id"} <= set(row)
    assert row["evidence_verb"] == "criticized" and row["num_mentions"] == 2


def test_filters_select_dates_actors_and_codes(dyad_store):
    def n(**f):
        return export(dyad_store, fmt="jsonl", filters=Filters(**f))[0]
    assert n(since="2021-03-02", until="2021-03-31") == 2
    assert n(actors=("TUR",)) == 1
    assert n(sources=("USA",)) == 3
    assert n(targets=("usagov",)) == 2
    assert n(codes=("11",)) == 3
    assert n(codes=("051", "044")) == 3
    assert n(actors=("TUR",), codes=("11",)) == 0


def test_jsonl_events(dyad_store):
    count, data = export(dyad_store, fmt="jsonl", filters=Filters(codes=("044",)))
    rows = [json.loads(line) for line in data.decode().splitlines()]
    assert count == len(rows) == 1
    assert rows[0]["day"] == "2021-04-02" and rows[0]["source_code"] == "USAGOV"


def test_other_tables(dyad_store):
    assert export(dyad_store, fmt="jsonl", table="articles")[0] == 6
    assert export(dyad_store, fmt="jsonl", table="groups")[0] == 5
    count, data = export(dyad_store, fmt="parquet", table="quotes")
    assert count == 0
    with pytest.raises(StoreError, match="table"):
        export(dyad_store, fmt="jsonl", table="nope")
    with pytest.raises(StoreError, match="format"):
        export(dyad_store, fmt="xml")


def test_gdelt_has_61_columns_in_order(dyad_store):
    count, data = export(dyad_store, fmt="gdelt")
    lines = data.decode().splitlines()
    assert count == len(lines) == 5
    rows = [line.split("\t") for line in lines]
    assert all(len(r) == 61 for r in rows)
    assert len(COLUMNS) == 61
    assert COLUMNS[:5] == ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    assert COLUMNS[25:35] == ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode",
                              "QuadClass", "GoldsteinScale", "NumMentions", "NumSources",
                              "NumArticles", "AvgTone"]
    assert COLUMNS[-2:] == ["DATEADDED", "SOURCEURL"]
    first = dict(zip(COLUMNS, rows[0]))
    assert first["SQLDATE"] == "20210301" and first["MonthYear"] == "202103"
    assert first["Actor1Code"] == "USAGOV" and first["Actor1CountryCode"] == "USA"
    assert first["Actor1Type1Code"] == "GOV" and first["Actor2Code"] == "RUSGOV"
    assert first["EventCode"] == "111" and first["EventRootCode"] == "11"
    assert first["QuadClass"] == "3" and first["GoldsteinScale"] == "-2"
    assert (first["NumMentions"], first["NumSources"], first["NumArticles"]) == ("2", "2", "2")
    assert first["Actor1EthnicCode"] == "" and first["Actor1Geo_FullName"] == ""
    assert len(first["DATEADDED"]) == 14 and first["SOURCEURL"].startswith("https://")
    assert int(first["GLOBALEVENTID"]) > 0


def test_gdelt_header_and_geography(pages_store):
    count, data = export(pages_store, fmt="gdelt", header=True)
    lines = data.decode().splitlines()
    assert lines[0].split("\t") == COLUMNS and count == len(lines) - 1
    rows = [dict(zip(COLUMNS, line.split("\t"))) for line in lines[1:]]
    moscow = [r for r in rows if r["ActionGeo_FullName"] == "Moskow"]
    assert moscow and moscow[0]["ActionGeo_CountryCode"] == "RS"  # FIPS, as GDELT
    assert moscow[0]["ActionGeo_Type"] == "4" and moscow[0]["ActionGeo_Lat"] == "55.75"


@pytest.mark.parametrize("code, expected", [
    ("RUSGOV", {"CountryCode": "RUS", "Type1Code": "GOV"}),
    ("IDN", {"CountryCode": "IDN", "Type1Code": ""}),
    ("IGOUNO", {"CountryCode": "", "KnownGroupCode": "UNO", "Type1Code": "IGO"}),
    ("USAGOVMIL", {"CountryCode": "USA", "Type1Code": "GOV", "Type2Code": "MIL"}),
])
def test_split_actor(code, expected):
    parts = split_actor(code)
    assert {k: parts[k] for k in expected} == expected
