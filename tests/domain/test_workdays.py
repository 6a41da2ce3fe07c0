import datetime as dt

from vendor_desktop.domain.workdays import add_working_days, business_date, is_working_day, knows_year

D = dt.date


def test_make_up_saturday_is_a_working_day():
    # 调休: Saturday 2026-10-10 is worked to make up for National Day week
    assert D(2026, 10, 10).weekday() == 5
    assert is_working_day(D(2026, 10, 10))
    assert is_working_day(D(2026, 9, 20))  # a make-up Sunday before National Day


def test_national_day_week_is_not_working():
    assert not any(is_working_day(D(2026, 10, d)) for d in range(1, 8))


def test_ordinary_weekend_is_not_working():
    assert not is_working_day(D(2026, 11, 28))


def test_seven_working_days_skip_the_holiday_week_and_count_the_make_up_day():
    # R-LST-4: submitted Tue 2026-09-29 → 9-30, (10-1..10-7 holiday), 10-8, 10-9, 10-10 (Sat, make-up),
    # 10-12, 10-13, 10-14
    due = add_working_days(D(2026, 9, 29), 7)
    assert due.date == D(2026, 10, 14)
    assert not due.approximate


def test_a_year_past_the_calendar_data_falls_back_to_weekdays_and_says_so():
    year = 2099
    assert not knows_year(year)
    assert is_working_day(D(year, 1, 5))  # a Monday
    assert not is_working_day(D(year, 1, 3))  # a Saturday
    due = add_working_days(D(year, 1, 2), 5)
    assert due.date == D(year, 1, 9)
    assert due.approximate


def test_a_due_date_that_crosses_into_an_unknown_year_is_approximate():
    assert knows_year(2026)
    due = add_working_days(D(2026, 12, 28), 7)
    assert due.approximate


def test_business_dates_are_in_shanghai():
    late_utc = dt.datetime(2026, 11, 25, 17, 30, tzinfo=dt.UTC)  # 01:30 on the 26th in Shanghai
    assert business_date(late_utc) == D(2026, 11, 26)
