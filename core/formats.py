"""How a reader sees dates, times, money and counts: one rule for pages, papers (PDF), e-mails and exports.

- a day: ``2026-03-31``;
- a moment: ``2026-03-31 18:00``, in Korea's time (KST) and to the minute, as deadlines are set;
- a deadline that ends a whole day (00:00 KST of the next): that day, ``2024-12-17`` (``|deadline``);
- a time of day: ``18:00`` (the end of a slot on the same day as its start);
- money: ``1,000,000,000원`` in Korean (``1,000,000,000 KRW`` in English): whole won with thousands
  separators, the unit written right after the number;
- a count: ``1,200``;
- a half-year: ``2025년 상반기`` in Korean (``first half of 2025`` in English), never its code ``2025-H1``;
- a percentage: ``5%``, no space before the sign in either language.

Templates use the filters of ``core.templatetags.formats`` (``|day``, ``|moment``, ``|clock``, ``|won``, ``|shown``,
``|number``; built into every template), Python code these functions. Spreadsheets keep numbers and dates as
cells a spreadsheet can sum and sort (``core.spreadsheets``): amounts as whole won under a header naming the
unit, dates and moments as date cells shown in the same style. ``tests/portal/test_formats_by_kind.py`` walks
the rendered pages, papers, exports and e-mails and finds no other style.
"""
import re
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import pgettext

DAY = "%Y-%m-%d"
MOMENT = "%Y-%m-%d %H:%M"
CLOCK = "%H:%M"
# The same styles in Django's notation, for what Django formats by itself (core.format_modules: the admin, a date
# printed without a filter).
DJANGO_FORMATS = {
    "DATE_FORMAT": "Y-m-d", "SHORT_DATE_FORMAT": "Y-m-d", "DATETIME_FORMAT": "Y-m-d H:i",
    "SHORT_DATETIME_FORMAT": "Y-m-d H:i", "TIME_FORMAT": "H:i", "MONTH_DAY_FORMAT": "m-d", "YEAR_MONTH_FORMAT": "Y-m",
}
# The same styles for spreadsheet cells (Excel's number formats).
XLSX_DAY = "yyyy-mm-dd"
XLSX_MOMENT = "yyyy-mm-dd hh:mm"


def _local(value: datetime) -> datetime:
    return timezone.localtime(value) if timezone.is_aware(value) else value


def day(value: date | datetime | None) -> str:
    """``2026-03-31``; a moment is first put in Korea's time (its day there). ``""`` for None."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        value = _local(value)
    return value.strftime(DAY)


def moment(value: datetime | date | None) -> str:
    """``2026-03-31 18:00`` (KST, to the minute); a plain day shows as a day. ``""`` for None."""
    if value is None or value == "":
        return ""
    if not isinstance(value, datetime):
        return day(value)
    return _local(value).strftime(MOMENT)


def deadline(value: datetime | None) -> str:
    """A deadline as its reader counts it: one that ends a whole day (00:00 KST, the start of the next day) is
    that day, ``2024-12-17`` (never the ambiguous ``2024-12-18 00:00``); any other one the moment."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        local = _local(value)
        if (local.hour, local.minute, local.second, local.microsecond) == (0, 0, 0, 0):
            return day(local - timedelta(days=1))
    return moment(value)


def clock(value: datetime | None) -> str:
    """``18:00`` (KST). ``""`` for None."""
    if value is None or value == "":
        return ""
    return _local(value).strftime(CLOCK)


MAX_DIGITS = 30  # a figure past 10^30 (or below 10^-30) is not money nor a count: shown as given


def number(value: int | Decimal | float | None) -> str:
    """``1,200``; decimals keep their digits (``80.5``), without trailing zeros. ``""`` for None."""
    if value is None or value == "":
        return ""
    typed = value
    if isinstance(value, str):  # a value already shown as text (an option's label) stays as it is
        try:
            value = Decimal(value.replace(",", ""))
        except ArithmeticError:
            return value
    if isinstance(value, float):
        value = Decimal(str(value))
    if isinstance(value, Decimal) and (not value.is_finite() or abs(value.adjusted()) > MAX_DIGITS):
        return str(typed)  # 'NaN', 'Infinity' or '1e999999' is text, not a number to spell out digit by digit
    if isinstance(value, Decimal) and value != value.to_integral_value():
        whole, _, fraction = f"{value.normalize():f}".partition(".")
        return f"{int(whole):,}.{fraction}" if whole != "-0" else f"-0.{fraction}"
    return f"{int(value):,}"


def won(amount: int | Decimal | None) -> str:
    """``1,000,000,000원`` (ko) / ``1,000,000,000 KRW`` (en). ``""`` for None."""
    if amount is None or amount == "":
        return ""
    return pgettext("money", "%(amount)s KRW") % {"amount": number(amount)}


def half_year(year: int, half: int) -> str:
    """``2025년 상반기`` (ko) / ``first half of 2025`` (en); ``half`` is 1 or 2."""
    if half == 1:
        return pgettext("half-year", "first half of %(year)s") % {"year": year}
    return pgettext("half-year", "second half of %(year)s") % {"year": year}


HALF_YEAR_CODE = re.compile(r"^(\d{4})-H([12])$")


def half_year_code(code: str) -> str:
    """A stored half-year code (``2025-H1``, as audit entries keep it) in words; any other text as it is."""
    match = HALF_YEAR_CODE.match(str(code))
    return half_year(int(match[1]), int(match[2])) if match else str(code)


def percent(value: int | Decimal | float | None) -> str:
    """``5%`` / ``12.5%``: the number as ``number`` shows it and the sign right after it. ``""`` for None."""
    if value is None or value == "":
        return ""
    return f"{number(value)}%"


def basis_points(value: int | None) -> str:
    """A share kept in basis points (500) as the percentage officials read: ``5%``, ``12.5%``."""
    if value is None or value == "":
        return ""
    return percent(Decimal(int(value)) / 100)


def shown(value):
    """A cell of unknown kind as the reader sees it: a moment or a day in the portal's style, anything else as
    it is (a year stays 2026, not 2,026)."""
    if isinstance(value, datetime):
        return moment(value)
    if isinstance(value, date):
        return day(value)
    return value
