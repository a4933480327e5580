"""The funding agreement and the payments against it: never more paid than agreed, every change kept."""
from datetime import date

import pytest
from django.urls import reverse

from audit.models import AuditEntry
from tracking.models import Disbursement
from tracking.services import TrackingRefused, record_disbursement, set_agreement_line

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def national_2026(task):
    return task.agreement_lines.get(year=2026, source="national")


def test_disbursements_cannot_exceed_the_agreement(hamyang, council):
    line = national_2026(hamyang)
    record_disbursement(actor=council, line=line, amount_krw=300_000_000, paid_on=date(2026, 2, 16))
    with pytest.raises(TrackingRefused, match="800,000,000 KRW against an agreement of 500,000,000 KRW"):
        record_disbursement(actor=council, line=line, amount_krw=500_000_000, paid_on=date(2026, 7, 1))
    record_disbursement(actor=council, line=line, amount_krw=200_000_000, paid_on=date(2026, 7, 1))
    assert sum(Disbursement.objects.filter(line=line).values_list("amount_krw", flat=True)) == 500_000_000
    with pytest.raises(TrackingRefused):
        record_disbursement(actor=council, line=line, amount_krw=1, paid_on=date(2026, 8, 1))


def test_an_agreement_cannot_fall_below_what_was_paid(hamyang, council):
    line = national_2026(hamyang)
    record_disbursement(actor=council, line=line, amount_krw=300_000_000, paid_on=date(2026, 2, 16))
    with pytest.raises(TrackingRefused, match="300,000,000 KRW has been paid"):
        set_agreement_line(actor=council, task=hamyang, year=2026, source="national", amount_krw=200_000_000,
                           reason="감액")
    set_agreement_line(actor=council, task=hamyang, year=2026, source="provincial", amount_krw=33_000_000,
                       reason="도비 확정 내시")
    entry = AuditEntry.objects.filter(action="tracking.agreement_changed").get()
    assert (entry.actor, entry.reason, entry.changes["amount_krw"]) == (council, "도비 확정 내시", [0, 33_000_000])


def test_the_payment_page_refuses_an_overpayment_beside_the_form_and_keeps_what_was_typed(client, hamyang, council):
    client.force_login(council)
    url = reverse("tracking:task-disbursement", args=[hamyang.pk])
    line = national_2026(hamyang)
    response = client.post(url, {"line": line.pk, "amount_krw": "600,000,000", "paid_on": "2026-02-16",
                                 "reference": "교부결정 제2026-031호"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "against an agreement of 500,000,000 KRW" in page
    assert 'value="600,000,000"' in page and "교부결정 제2026-031호" in page
    assert not Disbursement.objects.exists()
    response = client.post(url, {"line": line.pk, "amount_krw": "250,000,000", "paid_on": "2026-02-16"})
    assert response.status_code == 302
    page = client.get(reverse("tracking:task", args=[hamyang.pk])).content.decode()
    assert "250,000,000" in page and "Disbursement recorded" in page


def test_payments_are_never_changed_once_written(hamyang, council):
    payment = record_disbursement(actor=council, line=national_2026(hamyang), amount_krw=1_000,
                                  paid_on=date(2026, 2, 16))
    payment.amount_krw = 2_000
    with pytest.raises(ValueError):
        payment.save()
