"""Writes to the ministries' reference data. Each change is checked by the same predicate as the pages and the
API, and written to the audit trail with who made it and why."""
import unicodedata

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from audit.services import record

from .models import Ministry
from .permissions import can_manage_ministries


class MinistryRefused(Exception):
    """A change the caller may not make, or that the data refuses; the message says why."""


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", (text or "").strip())


@transaction.atomic
def create_ministry(*, actor, code: str, name_ko: str, name_en: str, reason: str = "") -> Ministry:
    """Add a ministry that joins the project. ``code`` is stored in capitals; a code in use is refused.

    Raises :class:`MinistryRefused` when the actor may not add ministries or the code is taken, and
    ``ValidationError`` (by field) when a value does not fit.
    """
    decision = can_manage_ministries(actor)
    if not decision:
        raise MinistryRefused(decision.reason)
    ministry = Ministry(code=_nfc(code).upper(), name_ko=_nfc(name_ko), name_en=_nfc(name_en))
    ministry.full_clean(validate_unique=False)
    if Ministry.objects.filter(code=ministry.code).exists():
        raise MinistryRefused(_("A ministry with the code %(code)s exists already.") % {"code": ministry.code})
    try:
        with transaction.atomic():
            ministry.save()
    except IntegrityError as error:
        raise MinistryRefused(_("A ministry with the code %(code)s exists already.") % {"code": ministry.code}) \
            from error
    record(actor=actor, action="ministries.ministry_created", target=ministry, reason=reason,
           changes={"code": ministry.code, "name_ko": ministry.name_ko, "name_en": ministry.name_en})
    return ministry


__all__ = ["MinistryRefused", "ValidationError", "create_ministry"]
