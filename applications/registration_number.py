"""The business registration number (사업자등록번호): 10 digits whose last is a check digit.

The check: multiply the first nine digits by 1,3,7,1,3,7,1,3,5, add the tens of (9th digit × 5),
and the check digit is what brings the sum to a multiple of ten (National Tax Service rule).
"""
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

WEIGHTS = (1, 3, 7, 1, 3, 7, 1, 3, 5)


def normalize(value: str) -> str:
    """Digits only: officials write 220-81-62517, 220 81 62517 or 2208162517."""
    return re.sub(r"[\s\-]", "", value or "")


def check_digit(first_nine: str) -> int:
    total = sum(int(digit) * weight for digit, weight in zip(first_nine, WEIGHTS, strict=True))
    total += int(first_nine[8]) * 5 // 10
    return (10 - total % 10) % 10


def formatted(digits: str) -> str:
    """The way officials write it: 220-81-62517 (a draft's row without one yet: empty)."""
    return f"{digits[:3]}-{digits[3:5]}-{digits[5:]}" if digits else ""


def is_valid(value: str) -> bool:
    digits = normalize(value)
    return bool(re.fullmatch(r"[0-9]{10}", digits)) and check_digit(digits[:9]) == int(digits[9])


def validate_business_registration_number(value: str) -> str:
    """The normalized number, or a ValidationError that says what is wrong with it."""
    digits = normalize(value)
    if not re.fullmatch(r"[0-9]{10}", digits):
        raise ValidationError(_("A business registration number has 10 digits (e.g. 123-45-67890)."),
                              code="format")
    if check_digit(digits[:9]) != int(digits[9]):
        raise ValidationError(_("%(number)s is not a valid business registration number: the check digit "
                                "does not match."), params={"number": value}, code="check_digit")
    return digits
