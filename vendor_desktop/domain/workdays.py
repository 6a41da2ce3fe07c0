"""Working days (工作日) in mainland China's official calendar, with make-up days (调休).

Backed by ``chinese_calendar``. For a year the library has no data for yet, the calendar falls
back to Monday–Friday and says so (``WorkingDate.approximate``), so the UI can warn that a due
date may move once the State Council publishes that year's holidays.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import chinese_calendar

#: Business dates are in Asia/Shanghai (SPEC, preamble).
SHANGHAI = ZoneInfo("Asia/Shanghai")


@dataclass(frozen=True)
class WorkingDate:
    """A date computed in working days; ``approximate`` when a year's calendar was unknown."""

    date: dt.date
    approximate: bool


def knows_year(year: int) -> bool:
    """Whether the official holiday calendar of ``year`` is known to the library."""
    try:
        chinese_calendar.is_workday(dt.date(year, 1, 1))
    except NotImplementedError:
        return False
    return True


def is_working_day(day: dt.date) -> bool:
    """Official working day, including make-up weekends; Monday–Friday for unknown years."""
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:
        return day.weekday() < 5


def add_working_days(start: dt.date, days: int) -> WorkingDate:
    """The date ``days`` working days after ``start`` (``start`` itself not counted).

    R-LST-4 (review within 7 working days), R-INV-3 (issue within 10), R-WDR-3 (15–20).
    """
    if days < 0:
        raise ValueError("days must be ≥ 0")
    approximate = not knows_year(start.year)
    day = start
    remaining = days
    while remaining:
        day += dt.timedelta(days=1)
        if not knows_year(day.year):
            approximate = True
        if is_working_day(day):
            remaining -= 1
    return WorkingDate(day, approximate)


def business_date(moment: dt.datetime) -> dt.date:
    """The calendar date of a moment in Asia/Shanghai (naive moments are taken as UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(SHANGHAI).date()
