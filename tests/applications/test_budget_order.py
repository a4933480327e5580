"""One order of the money's sources wherever a budget is read: 국비, 도비, 시·군·구비, 민간 (the declared
``BudgetSource`` order, never the codes' alphabet: local, national, private, provincial). The submitted
application (its PDF and the version comparison render the snapshot) shows every source, 0 where none, each
year's total and the whole total; the task's money table lists its lines in the same order."""
import re

import pytest
from django.urls import reverse
from django.utils import translation

from applications.models import BudgetSource
from applications.snapshot import render
from tracking.models import AgreementLine

OFFICIAL = ["국비", "도비", "시·군·구비", "민간"]


def sources_in(text: str) -> list[str]:
    labels = {str(label): code for code, label in BudgetSource.choices}
    return [labels[found] for found in re.findall("|".join(map(re.escape, labels)), text)]


def test_the_official_order_is_the_declared_one():
    with translation.override("ko"):
        assert [str(label) for label in BudgetSource.labels] == OFFICIAL
    assert sorted(BudgetSource.values, key=BudgetSource.rank) == BudgetSource.values


def test_a_snapshot_budget_reads_every_source_in_order_with_zeros_and_totals():
    rows = [{"year": 2026, "source": source, "amount_krw": amount}
            for source, amount in (("local", 50_000_000), ("national", 1_000_000_000), ("provincial", 66_000_000))]
    with translation.override("ko"):
        text = render({"budget": rows}, "budget")
        assert sources_in(text) == BudgetSource.values
        assert "2026 민간: 0원" in text
        assert "2026 합계: 1,116,000,000원" in text and text.endswith("합계: 1,116,000,000원")


@pytest.mark.django_db
def test_the_tasks_money_table_lists_the_sources_in_the_official_order(client, hamyang, council):
    AgreementLine.objects.filter(task=hamyang).delete()
    for source in sorted(BudgetSource.values):  # created in the codes' order
        AgreementLine.objects.create(task=hamyang, year=2030, source=source, amount_krw=1_000)
    client.force_login(council)
    with translation.override("ko"):
        page = client.get(reverse("tracking:task", args=[hamyang.pk]), HTTP_ACCEPT_LANGUAGE="ko").content.decode()
        table = page[page.index('id="agreement"'):page.index("</table>", page.index('id="agreement"'))]
        assert sources_in(table) == BudgetSource.values
