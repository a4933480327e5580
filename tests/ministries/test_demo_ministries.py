"""The demo's part for the 2026 ministries: ``mcst`` and ``mof`` can sign in, the 2026 contest caps a company's
yearly support at 90,000,000 KRW, and Wando-gun's 2026 task carries a MOF row; running it again adds nothing."""
import pytest

from accounts.models import User
from portal.demo_ministries import ensure_ministries_demo
from tests.tracking.builders import confirmed_tasks
from tracking.models import SupportLineRow

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("registry")]


def test_mcst_and_mof_log_in_and_wandos_2026_task_has_a_mof_row(council, django_capture_on_commit_callbacks,
                                                                  celery_eager):
    # The 2026 round is held in 2025 (Contest.year 2025); Wando-gun's code is 12850 since 2026-07-01.
    wando = confirmed_tasks(council, django_capture_on_commit_callbacks, year=2025, target=1,
                            scores={"12850": ([80, 80, 80], [90, 90, 90])})["12850"]
    ensure_ministries_demo("demo-password")
    ensure_ministries_demo("demo-password")
    assert {user.username: user.ministry.code for user in User.objects.filter(username__in=["mcst", "mof"])} == {
        "mcst": "MCST", "mof": "MOF"}
    assert User.objects.get(username="mof").check_password("demo-password")
    wando.contest.refresh_from_db()
    assert wando.contest.company_support_cap_krw == 90_000_000
    row = SupportLineRow.objects.get(task=wando)
    assert (row.line.code, row.values["kind"], row.values["amount_krw"]) == (
        "fisheries_infrastructure", "aquaculture", 1_500_000_000)
