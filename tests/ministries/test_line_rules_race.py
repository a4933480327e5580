"""A rule and a row at the same moment: a row whose page (or file) was read before the council added a rule is
still checked against it, and a rule added while a row is being saved waits for that row and refuses if the row
breaks it (PostgreSQL, two real transactions). Either way no saved row breaks a rule of its line."""
import threading
import time

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import translation

from ministries.models import MeasureRule
from ministries.registry import line_for
from ministries.rule_services import add_rule
from ministries.values import clean_values
from tracking.models import SupportLineRow
from tracking.services import save_support_row
from tracking.services import support as support_services

pytestmark = pytest.mark.usefixtures("english")
BREAKING = {"year": 2026, "visa_type": "F-2-R", "requested": 1, "allocated": 2}
RULE = {"line_code": "regional_visa", "left": "allocated", "right": "requested", "reason": "배정은 요청 이내"}


@pytest.mark.django_db
def test_a_row_read_before_the_rule_was_added_is_checked_against_it(hamyang, council, staff):
    stale = line_for("regional_visa")  # the desk's page, opened before the council's change
    add_rule(actor=council, **RULE)
    with pytest.raises(ValidationError) as refused:
        save_support_row(actor=staff["MOJ"], task=hamyang, line=stale, row=None, values=BREAKING, reason="배정")
    assert refused.value.message_dict["allocated"] == ["Persons allocated cannot exceed Persons requested (1)."]
    assert not SupportLineRow.objects.filter(task=hamyang).exists()


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("registry")
def test_a_rule_added_while_a_row_is_saved_waits_for_it_and_is_refused(hamyang, council, staff, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("Needs PostgreSQL: SQLite lets one writer in at a time, so the two never race.")
    row_checked, rule_begun, outcome = threading.Event(), threading.Event(), {}

    def checked_then_slow(*args, **kwargs):
        cleaned = clean_values(*args, **kwargs)
        row_checked.set()  # the row is checked against the rules of the moment, not yet written
        rule_begun.wait(5)
        time.sleep(0.5)  # the council's change runs meanwhile
        return cleaned

    monkeypatch.setattr(support_services, "clean_values", checked_then_slow)

    def clerk():
        try:
            save_support_row(actor=staff["MOJ"], task=hamyang, line=line_for("regional_visa"), row=None,
                             values=BREAKING, reason="배정")
        finally:
            connection.close()

    def council_adds():
        try:
            row_checked.wait(5)
            rule_begun.set()
            with translation.override("en"):  # a thread of its own: the test's language is not its
                add_rule(actor=council, **RULE)
            outcome["rule"] = "added"
        except ValidationError as refused:
            outcome["rule"] = refused.message_dict
        finally:
            connection.close()

    threads = [threading.Thread(target=clerk), threading.Thread(target=council_adds)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)
    assert SupportLineRow.objects.filter(task=hamyang, line__code="regional_visa").count() == 1
    assert outcome["rule"] != "added", "a rule was added beside a row that breaks it"
    assert outcome["rule"]["left"][0].startswith("1 row already saved breaks this rule")
    assert not MeasureRule.objects.filter(left__code="allocated", right__code="requested").exists()
