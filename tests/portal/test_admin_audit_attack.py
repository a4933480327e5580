"""The admin is one more door that changes state (issue 21, kind 3; issue 22): every admin that lets a record be
added, changed or deleted writes to the audit trail who did it and each field's old and new value, as the pages,
the API and the commands do; the ministries and support lines added as data today are among them. A password
never reaches the trail."""
import pytest
from django.contrib import admin
from django.test import RequestFactory

from accounts.roles import Role
from audit.admin_mixins import AuditedAdminMixin
from audit.models import AuditEntry
from core.admin_mixins import ReadOnlyAdminMixin
from ministries.models import Ministry, SupportLineKind
from tests.factories import make_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("registry", "english")]

PROJECT_APPS = ("accounts", "applications", "audit", "ministries", "notifications", "outbox", "regions", "reviews",
                "selection", "tracking")


def test_every_admin_that_writes_records_it_in_the_audit_trail():
    request = RequestFactory().get("/admin/")
    request.user = make_user(Role.ADMINISTRATOR)
    unaudited = []
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in PROJECT_APPS or isinstance(model_admin, ReadOnlyAdminMixin):
            continue
        writes = (model_admin.has_add_permission(request) or model_admin.has_change_permission(request)
                  or model_admin.has_delete_permission(request))
        through_services = type(model_admin).save_model is not admin.ModelAdmin.save_model \
            and not isinstance(model_admin, AuditedAdminMixin)  # e.g. rubrics: the audited services write
        if writes and not isinstance(model_admin, AuditedAdminMixin) and not through_services:
            unaudited.append(model._meta.label)
    assert unaudited == []


def test_a_ministry_renamed_and_a_line_deleted_in_the_admin_are_in_the_trail(client):
    administrator = make_user(Role.ADMINISTRATOR)
    client.force_login(administrator)
    ministry = Ministry.objects.get(code="MOF")
    url = f"/admin/ministries/ministry/{ministry.pk}/change/"
    form = client.get(url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    data.update(name_en="Ministry of Oceans, Fisheries and Ports", is_lead="on" if ministry.is_lead else "")
    unexplained = client.post(url, {key: value for key, value in data.items() if value not in (None, False)})
    assert unexplained.status_code == 200 and unexplained.context["adminform"].form.errors["audit_reason"]
    assert unexplained.context["adminform"].form["name_en"].value() == "Ministry of Oceans, Fisheries and Ports"
    data["audit_reason"] = "2026년 정부조직 개편"
    response = client.post(url, {key: value for key, value in data.items() if value not in (None, False)})
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="admin.changed", target_id=str(ministry.pk))
    assert entry.actor == administrator and entry.reason == "2026년 정부조직 개편"
    assert "audit_reason" not in entry.changes
    assert entry.changes["name_en"] == [ministry.name_en, "Ministry of Oceans, Fisheries and Ports"]
    line = SupportLineKind.objects.create(ministry=ministry, code="unused_line", name_ko="미사용", name_en="Unused")
    deleted = client.post(f"/admin/ministries/supportlinekind/{line.pk}/delete/", {"post": "yes",
                                                                                   "audit_reason": "쓰지 않는 줄"})
    assert deleted.status_code == 302 and not SupportLineKind.objects.filter(code="unused_line").exists()
    gone = AuditEntry.objects.get(action="admin.deleted", target_id=str(line.pk))
    assert gone.actor == administrator and gone.target_type == "ministries.supportlinekind"
    assert gone.reason == "쓰지 않는 줄"


def test_a_user_added_in_the_admin_is_in_the_trail_without_his_password(client):
    client.force_login(make_user(Role.ADMINISTRATOR))
    secret = "Zq8!unguessable-2026"
    response = client.post("/admin/accounts/user/add/", {"username": "new.clerk", "password1": secret,
                                                         "password2": secret, "usable_password": "true",
                                                         "role": Role.COUNCIL_STAFF.value,
                                                         "audit_reason": "위원회 사무국 신규 직원"})
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    entry = AuditEntry.objects.get(action="admin.added", target_type="accounts.user")
    assert entry.changes["object"] == "new.clerk" and entry.reason == "위원회 사무국 신규 직원"
    assert secret not in str(entry.changes) and not any("password" in name for name in entry.changes)
