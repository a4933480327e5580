"""Two more roles' main jobs in the browser, at 1366×768 and 390×844 with no sideways scroll of the page:
the administrator follows his to-do (an account never signed in) into the admin and changes it, saying why
(kept in the audit trail); a ministry's officer changes a row of his line in place on the ministry desk."""
import pytest
from django.urls import reverse

from accounts.roles import Role
from audit.models import AuditEntry
from tests.browser.accessibility import require_axe, serious_violations, sideways_overflow
from tests.browser.conftest import sign_in
from tests.browser.dialogs import DESKTOP, PHONE
from tests.factories import make_user
from tests.tracking.builders import confirmed_tasks, support_row

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_administrator_follows_his_to_do_into_the_admin_and_says_why_he_changes_an_account(page, live_server):
    require_axe()
    administrator = make_user(Role.ADMINISTRATOR, language="ko")
    newcomer = make_user(Role.COUNCIL_STAFF, username="new.clerk", first_name="민지", last_name="김")
    sign_in(page, live_server, administrator)
    for size in (PHONE, DESKTOP):
        page.set_viewport_size(size)
        page.goto(live_server.url + "/")
        assert "new.clerk" in page.inner_text("#todo")
        assert sideways_overflow(page) <= 0, size
        assert serious_violations(page) == [], size
    page.click("#todo a:has-text('new.clerk')")
    page.wait_for_url(f"**/admin/accounts/user/{newcomer.pk}/change/")
    page.fill("[name=first_name]", "민준")
    page.click("[name=_save]")
    page.wait_for_selector(".errornote")  # no why: the form comes back saying so, nothing saved, the typing kept
    assert page.locator(".errorlist").count() > 0
    assert page.input_value("[name=first_name]") == "민준"
    page.fill("[name=audit_reason]", "성명 정정 요청(본인 확인)")
    page.click("[name=_save]")
    page.wait_for_url("**/admin/accounts/user/")
    newcomer.refresh_from_db()
    assert newcomer.first_name == "민준"
    entry = AuditEntry.objects.get(action="admin.changed", target_id=str(newcomer.pk))
    assert entry.actor == administrator and entry.reason == "성명 정정 요청(본인 확인)"


def test_a_ministry_officer_changes_a_row_in_place_on_the_desk_on_a_phone(
        page, live_server, django_capture_on_commit_callbacks, celery_eager):
    require_axe()
    task = confirmed_tasks(make_user(Role.COUNCIL_STAFF), django_capture_on_commit_callbacks)["48870"]
    row = support_row(task, "regional_visa", year=2026, visa_type="F-2-R", requested=15, allocated=12, issued=9)
    sign_in(page, live_server, make_user(Role.MINISTRY_STAFF, language="ko"))  # MOJ
    page.set_viewport_size(DESKTOP)
    page.goto(live_server.url + reverse("tracking:desk"))
    assert serious_violations(page) == []
    page.set_viewport_size(PHONE)
    page.reload()
    assert sideways_overflow(page) <= 0
    page.fill(f"#desk-row-{row.pk}-issued", "11")
    page.fill(f"#desk-row-{row.pk}-reason", "추가 발급분 반영")
    with page.expect_navigation():  # saved on the row's page, back on the desk
        page.click(f"button[form=desk-row-{row.pk}]")
    assert reverse("tracking:desk") in page.url and page.locator(".alert-success").count() > 0
    assert page.input_value(f"#desk-row-{row.pk}-issued") == "11"
    row.refresh_from_db()
    assert row.values["issued"] == 11
