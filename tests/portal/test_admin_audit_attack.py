"""The admin is one more door that changes state (issue 21, kind 3; issue 22): every admin that lets a record be
added, changed or deleted writes to the audit trail who did it and each field's old and new value, as the pages,
the API and the commands do; the ministries and support lines added as data today are among them. A password
never reaches the trail."""
import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.test import RequestFactory

from accounts.roles import Role
from audit.admin_mixins import AuditedAdminMixin
from audit.models import AuditEntry
from core.admin_mixins import ReadOnlyAdminMixin
from ministries.models import Ministry, SupportLineKind
from portal.admin_site import PortalAdminSite
from regions.models import AdministrativeCode, LocalGovernment
from tests.factories import make_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("registry", "english")]

def superuser_request():
    request = RequestFactory().get("/admin/")
    request.user = make_user(Role.ADMINISTRATOR, is_superuser=True)
    return request


def writes(model_admin, request) -> bool:
    return (model_admin.has_add_permission(request) or model_admin.has_change_permission(request)
            or model_admin.has_delete_permission(request))


def pages_of_their_own() -> dict[str, list[str]]:
    """The admin pages beyond Django's list, add, change, delete and history, by model."""
    pages = {}
    for model, model_admin in admin.site._registry.items():
        standard = {f"{model._meta.app_label}_{model._meta.model_name}_{page}"
                    for page in ("changelist", "add", "history", "delete", "change")}
        extra = [url.name for url in model_admin.get_urls() if url.name and url.name not in standard]
        if extra:
            pages[model._meta.label] = extra
    return pages


def test_every_admin_that_writes_asks_why_and_records_it_the_installed_packages_included():
    """The walk covers every registered admin of the portal's one site (``portal.admin_site``, Django's
    ``admin.site``), the installed packages' (groups, API tokens, schedules, sign-in locks) as well."""
    assert isinstance(admin.site._wrapped if hasattr(admin.site, "_wrapped") else admin.site, PortalAdminSite)
    request = superuser_request()
    unaudited, bypassed, unasked_actions, read_only = [], [], [], 0
    for model, model_admin in admin.site._registry.items():
        label = model._meta.label
        inline_writes = any(inline.has_add_permission(request, None) or inline.has_change_permission(request)
                            or inline.has_delete_permission(request)
                            for inline in model_admin.get_inline_instances(request))
        if not writes(model_admin, request):
            read_only += 1
            assert isinstance(model_admin, ReadOnlyAdminMixin), label
            continue
        if not isinstance(model_admin, AuditedAdminMixin):
            unaudited.append(label)
            continue
        kind = type(model_admin)
        # the inlines' rows are named on the parent's entry; deletions and actions ask why, whoever overrides
        for name in ["delete_view", "get_actions", "get_form"] + (["save_related"] if inline_writes else []):
            if getattr(kind, name) is not getattr(AuditedAdminMixin, name):
                bypassed.append(f"{label}.{name}")
        unasked_actions += [f"{label}: {name}" for name, (function, _name, _label)
                            in model_admin.get_actions(request).items() if not getattr(function, "audited", False)]
    assert (unaudited, bypassed, unasked_actions) == ([], [], [])
    assert pages_of_their_own() == {  # each asks why and is recorded; a new one joins this list tested
        "accounts.User": ["auth_user_password_change"],  # below: an audit entry with the reason
        "regions.Designation": ["regions_designation_import"]}  # the import's record: who, when, why
    assert read_only >= 10 and len(admin.site._registry) > read_only + 10  # the walk saw both kinds


def test_the_audit_trail_cannot_be_added_to_changed_or_deleted_in_the_admin(client):
    request = superuser_request()
    trail = admin.site._registry[AuditEntry]
    assert not writes(trail, request) and trail.get_actions(request) == {}
    client.force_login(request.user)
    entry = AuditEntry.objects.create(action="admin.changed", target_type="ministries.ministry", target_id="1",
                                      reason="원래 사유")
    base = f"/admin/audit/auditentry/{entry.pk}"
    assert client.get(f"{base}/change/").status_code == 200  # readable
    answers = [client.post(f"{base}/change/", {"reason": "고친 사유", "audit_reason": "x"}).status_code,
               client.post(f"{base}/delete/", {"post": "yes", "audit_reason": "x"}).status_code,
               client.post("/admin/audit/auditentry/add/", {"action": "x", "audit_reason": "x"}).status_code,
               client.post("/admin/audit/auditentry/", {"action": "delete_selected", "_selected_action": [entry.pk],
                                                        "post": "yes", "audit_reason": "x"}).status_code]
    assert answers[:3] == [403, 403, 403] and answers[3] in (200, 302)
    assert AuditEntry.objects.get(pk=entry.pk).reason == "원래 사유"


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


def posted_back(client, url: str) -> dict:
    """The admin's change form, with its inlines, as the page shows it, ready to post back."""
    context = client.get(url).context
    form = context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    for inline in context["inline_admin_formsets"]:
        formset = inline.formset
        data.update({f"{formset.prefix}-{name}": value for name, value in formset.management_form.initial.items()})
        for number, row in enumerate(formset.forms):
            data.update({f"{formset.prefix}-{number}-{name}": row[name].value() for name in row.fields})
    return {key: value for key, value in data.items() if value not in (None, False)}


def test_a_row_added_in_an_inline_is_on_its_parents_entry_with_the_reason(client):
    client.force_login(make_user(Role.ADMINISTRATOR))
    unit = LocalGovernment.objects.get(code="48870")
    url = f"/admin/regions/localgovernment/{unit.pk}/change/"
    data = posted_back(client, url)
    rows = int(data["codes-TOTAL_FORMS"])
    data.update({"codes-TOTAL_FORMS": rows + 1, f"codes-{rows}-code": "48999", f"codes-{rows}-verified": "on",
                 f"codes-{rows}-local_government": unit.pk})
    assert client.post(url, data).status_code == 200  # no reason: the form again, nothing saved
    assert not AdministrativeCode.objects.filter(code="48999").exists()
    data["audit_reason"] = "옛 코드 추가"
    assert client.post(url, data).status_code == 302
    entry = AuditEntry.objects.get(action="admin.changed", target_type="regions.localgovernment",
                                   target_id=str(unit.pk))
    assert entry.reason == "옛 코드 추가" and entry.changes["regions.administrativecode"] == {"added": ["48999"]}


def test_an_installed_packages_admin_asks_why_too(client):
    """Groups are Django's own admin; the portal's site audits it as its own."""
    client.force_login(make_user(Role.ADMINISTRATOR))
    assert client.post("/admin/auth/group/add/", {"name": "검토반"}).status_code == 200
    assert not Group.objects.filter(name="검토반").exists()
    explained = client.post("/admin/auth/group/add/", {"name": "검토반", "audit_reason": "검토 담당 묶음"})
    assert explained.status_code == 302
    group = Group.objects.get(name="검토반")
    entry = AuditEntry.objects.get(action="admin.added", target_type="auth.group")
    assert (entry.target_id, entry.reason) == (str(group.pk), "검토 담당 묶음")


def test_a_password_set_in_the_admin_asks_why_and_is_in_the_trail_without_it(client):
    client.force_login(make_user(Role.ADMINISTRATOR))
    official = make_user(Role.LOCAL_OFFICIAL)
    url, secret, stored = f"/admin/accounts/user/{official.pk}/password/", "Zq8!another-2026", official.password
    data = {"password1": secret, "password2": secret, "usable_password": "true", "set-password": "1"}
    refused = client.post(url, data)
    assert refused.status_code == 200 and refused.context["form"].errors["audit_reason"]
    assert 'name="audit_reason"' in refused.content.decode()
    official.refresh_from_db()
    assert official.password == stored
    assert client.post(url, {**data, "audit_reason": "본인 요청으로 초기화"}).status_code == 302
    official.refresh_from_db()
    assert official.check_password(secret)
    entry = AuditEntry.objects.get(action="admin.changed", target_type="accounts.user", target_id=str(official.pk))
    assert entry.reason == "본인 요청으로 초기화" and entry.changes == {"object": str(official),
                                                                      "password": "changed"}
    assert secret not in str(entry.changes) and official.password not in str(entry.changes)


def test_every_admin_list_and_add_page_opens_with_its_why_field(client):
    """The mixin given to the installed packages' admins too: each of their pages still opens (no 500)."""
    request = superuser_request()
    client.force_login(request.user)
    for model, model_admin in admin.site._registry.items():
        base = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        assert client.get(base).status_code == 200, base
        if model_admin.has_add_permission(request):
            page = client.get(f"{base}add/")
            assert page.status_code == 200 and 'name="audit_reason"' in page.content.decode(), base
