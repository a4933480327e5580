"""The one money and number style (core.formats) takes whatever a cell holds (issue 23 with issue 21's kind 6):
text that Decimal reads as NaN, Infinity or 1e999999 was a 500 wherever ``|number`` or ``|won`` showed it (a
ValueError or OverflowError from int()); such text is shown as it was given, and any text or float is shown
without raising."""
import os
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.formats import number, won

pytestmark = pytest.mark.usefixtures("english")


@pytest.mark.parametrize("text", ["NaN", "-NaN", "sNaN", "Infinity", "-inf", "1e999999", "1e-999999", "9" * 5000])
def test_text_that_is_not_a_figure_is_shown_as_given(text):
    assert number(text) == text
    assert won(text) == f"{text} KRW"


def test_figures_keep_the_one_style():
    assert [number(1_000_000_000), number("1,000"), number(Decimal("80.50")), number(-5), number(None)] == [
        "1,000,000,000", "1,000", "80.5", "-5", ""]
    assert won(500_000_000) == "500,000,000 KRW"


# The same 300 values in every CI run, as the API fuzz (tests/api/test_schema.py); API_FUZZ_SEED=random explores.
@settings(max_examples=300, deadline=None, database=None, derandomize=os.environ.get("API_FUZZ_SEED") != "random")
@given(st.one_of(st.text(), st.floats(), st.integers(), st.decimals()))
def test_any_value_is_shown_without_raising(value):
    assert isinstance(number(value), str) and isinstance(won(value), str)
