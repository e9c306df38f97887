"""Date expressions compiled from a pack's `dates.yaml` into regexes and resolvers."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Callable

from pantau.packs import fold

Resolver = Callable[[dt.date | None], dt.date | None]


def _alt(words) -> str:
    words = sorted({fold(str(w)) for w in words if str(w).strip()}, key=len, reverse=True)
    return "|".join(re.escape(w) for w in words) or r"(?!x)x"


class DateRules:
    """Finds date expressions in folded text; each comes with a resolver."""

    def __init__(self, data: dict):
        self.weekdays = {fold(k): int(v) for k, v in (data.get("weekdays") or {}).items()}
        self.months = {fold(k): int(v) for k, v in (data.get("months") or {}).items()}
        self.relative = {fold(k): v for k, v in (data.get("relative") or {}).items()}
        self.numbers = {fold(k): int(v) for k, v in (data.get("numbers") or {}).items()}
        self.units = {fold(k): str(v) for k, v in (data.get("units") or {}).items()}
        past = _alt(data.get("past_markers") or [])
        ago = _alt(data.get("ago") or [])
        wd, mo = _alt(self.weekdays), _alt(self.months)
        num, unit = _alt(self.numbers), _alt(self.units)
        b = r"(?<!\w)"
        e = r"(?!\w)"
        week_back = {k: v for k, v in self.relative.items() if isinstance(v, dict) and "weeks" in v}
        self.patterns: list[tuple[re.Pattern, Callable]] = [
            (re.compile(rf"{b}(\d+|{num})\s+({unit})\s+({ago}){e}"), self._ago),
            (re.compile(rf"{b}({wd})\s+({_alt(week_back)}){e}"), self._weekday_in_week),
            (re.compile(rf"{b}(\d{{1,2}})\s+({mo})\.?\s+(\d{{4}}){e}"), self._dmy),
            (re.compile(rf"{b}({mo})\.?\s+(\d{{1,2}}),?\s+(\d{{4}}){e}"), self._mdy),
            (re.compile(rf"{b}(\d{{1,2}})\s+({mo}){e}"), self._dm),
            (re.compile(rf"{b}({mo})\.?\s+(\d{{1,2}}){e}(?!\s*,?\s*\d{{4}})"), self._md),
            (re.compile(rf"{b}(?:({past})\s+({mo})|({mo})\s+({past})){e}"), self._month_past),
            (re.compile(rf"{b}(?:({past})\s+({wd})|({wd})\s+({past})){e}"), self._weekday_past),
            (re.compile(rf"{b}({wd}){e}"), self._weekday),
        ]
        if self.relative:  # after counted and week-day phrases, before bare names
            self.patterns.insert(2, (re.compile(rf"{b}({_alt(self.relative)}){e}"), self._relative))

    def find(self, folded: str) -> list[tuple[int, int, Resolver]]:
        """(start, end, resolver) for every non-overlapping expression, specific first."""
        out, taken = [], []
        for regex, make in self.patterns:
            for m in regex.finditer(folded):
                if any(m.start() < t_end and t_start < m.end() for t_start, t_end in taken):
                    continue
                taken.append((m.start(), m.end()))
                out.append((m.start(), m.end(), make(m)))
        return out

    # -- resolvers -------------------------------------------------------------------------

    def _dmy(self, m):
        return lambda base: _safe(int(m.group(3)), self.months[m.group(2)], int(m.group(1)))

    def _mdy(self, m):
        return lambda base: _safe(int(m.group(3)), self.months[m.group(1)], int(m.group(2)))

    def _dm(self, m):
        return lambda base: _in_past_year(base, self.months[m.group(2)], int(m.group(1)))

    def _md(self, m):
        return lambda base: _in_past_year(base, self.months[m.group(1)], int(m.group(2)))

    def _month_past(self, m):
        month = self.months[m.group(2) or m.group(3)]
        return lambda base: _in_past_year(base, month, 1, strictly=True)

    def _ago(self, m):
        raw = m.group(1)
        count = int(raw) if raw.isdigit() else self.numbers[raw]
        unit = self.units[m.group(2)]
        return lambda base: _shift(base, unit, -count)

    def _weekday_past(self, m):
        day = self.weekdays[m.group(2) or m.group(3)]
        return lambda base: _last_weekday(base, day, strictly=True)

    def _weekday(self, m):
        day = self.weekdays[m.group(1)]
        return lambda base: _last_weekday(base, day)

    def _weekday_in_week(self, m):
        day = self.weekdays[m.group(1)]
        weeks = int(self.relative[m.group(2)]["weeks"])
        return lambda base: _last_weekday(_shift(base, "weeks", weeks), day, strictly=False) \
            if base else None

    def _relative(self, m):
        offset = self.relative[m.group(1)] or {}
        return lambda base: _apply(base, offset)


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _in_past_year(base, month: int, day: int, strictly: bool = False) -> dt.date | None:
    if base is None:
        return None
    year = base.year
    candidate = _safe(year, month, day)
    if candidate is None:
        return None
    if candidate > base or (strictly and candidate.month == base.month):
        candidate = _safe(year - 1, month, day)
    return candidate


def _last_weekday(base, weekday: int, strictly: bool = False) -> dt.date | None:
    if base is None:
        return None
    back = (base.weekday() - weekday) % 7
    if strictly and back == 0:
        back = 7
    return base - dt.timedelta(days=back)


def _shift(base, unit: str, count: int) -> dt.date | None:
    if base is None:
        return None
    if unit in ("days", "weeks"):
        return base + dt.timedelta(**{unit: count})
    months = count * (12 if unit == "years" else 1)
    total = base.year * 12 + base.month - 1 + months
    year, month = divmod(total, 12)
    day = min(base.day, calendar.monthrange(year, month + 1)[1])
    return dt.date(year, month + 1, day)


def _apply(base, offset) -> dt.date | None:
    if base is None:
        return None
    if not isinstance(offset, dict) or not offset:
        return base
    unit, count = next(iter(offset.items()))
    return _shift(base, str(unit), int(count))
