"""Deleting in the admin asks why, as adding and changing there do: the confirmation page (a record's own, and
the "delete selected" action's) has a required "Why" (사유); confirming without it is refused beside the field
and deletes nothing; with it, each deleted record is an audit entry with who, the reason, the record and the rows
its deletion took with it."""
import pytest

from accounts.roles import Role
from audit.models import AuditEntry
from regions.models import AdministrativeCode, LocalGovernment, Province
from tests.factories import make_user

pytestmark = pytest.mark.usefixtures("registry")

CHANGELIST = "/admin/regions/localgovernment/"


@pytest.fixture
def administrator(client):
    user = make_user(Role.ADMINISTRATOR, is_superuser=True)
    client.force_login(user)
    return user


def unit(code: str, name: str, *, codes: int = 0) -> LocalGovernment:
    """A local government made for the test, with ``codes`` earlier codes (deleted with it)."""
    made = LocalGovernment.objects.create(province=Province.objects.get(code="48"), code=code, name_ko=name,
                                          name_en=name, kind=LocalGovernment.Kind.GUN)
    AdministrativeCode.objects.bulk_create([AdministrativeCode(local_government=made, code=f"{code[:4]}{n}")
                                            for n in range(1, codes + 1)])
    return made


def deletions():
    return AuditEntry.objects.filter(action="admin.deleted", target_type="regions.localgovernment")


def test_a_deletion_without_why_is_refused_beside_the_field_and_deletes_nothing(client, administrator):
    doomed = unit("99990", "시험군", codes=2)
    url = f"{CHANGELIST}{doomed.pk}/delete/"
    page = client.get(url)
    assert page.status_code == 200
    assert 'name="audit_reason"' in page.content.decode() and "사유" in page.content.decode()
    refused = client.post(url, {"post": "yes", "audit_reason": "   "})
    assert refused.status_code == 200
    html = refused.content.decode()
    field = html[html.index("field-audit_reason"):]
    assert "이 항목을 입력하십시오." in field[:field.index('name="audit_reason"')]  # beside the field
    assert LocalGovernment.objects.filter(pk=doomed.pk).exists() and doomed.codes.count() == 2
    assert not deletions().exists()


def test_a_deletion_with_why_is_in_the_trail_with_what_it_took(client, administrator):
    doomed = unit("99990", "시험군", codes=2)
    response = client.post(f"{CHANGELIST}{doomed.pk}/delete/", {"post": "yes", "audit_reason": "중복 등록 정리"})
    assert response.status_code == 302
    assert not LocalGovernment.objects.filter(pk=doomed.pk).exists()
    assert not AdministrativeCode.objects.filter(code__startswith="9999").exists()
    entry = deletions().get()
    assert (entry.actor, entry.reason, entry.target_id) == (administrator, "중복 등록 정리", str(doomed.pk))
    assert entry.changes == {"object": str(doomed), "pk": str(doomed.pk),
                             "cascade": {"regions.administrativecode": 2}}


def test_deleting_two_selected_asks_why_once_and_writes_two_entries(client, administrator,
                                                                    django_assert_max_num_queries):
    first, second = unit("99990", "첫째군", codes=1), unit("99980", "둘째군")
    selection = {"action": "delete_selected", "_selected_action": [first.pk, second.pk]}
    page = client.post(CHANGELIST, selection)
    assert page.status_code == 200 and 'name="audit_reason"' in page.content.decode()
    refused = client.post(CHANGELIST, {**selection, "post": "yes"})
    assert refused.status_code == 200 and refused.context["reason_form"].errors["audit_reason"]
    assert 'name="audit_reason"' in refused.content.decode()
    assert LocalGovernment.objects.filter(pk__in=[first.pk, second.pk]).count() == 2 and not deletions().exists()
    with django_assert_max_num_queries(64):  # one collection for the selection, not one per record
        done = client.post(CHANGELIST, {**selection, "post": "yes", "audit_reason": "시험 자료 삭제"})
    assert done.status_code == 302
    assert not LocalGovernment.objects.filter(pk__in=[first.pk, second.pk]).exists()
    entries = {entry.target_id: entry for entry in deletions()}
    assert set(entries) == {str(first.pk), str(second.pk)}
    assert {entry.reason for entry in entries.values()} == {"시험 자료 삭제"}
    assert {entry.actor for entry in entries.values()} == {administrator}
    assert entries[str(first.pk)].changes["cascade"] == {"regions.administrativecode": 1}
    assert entries[str(second.pk)].changes == {"object": str(second), "pk": str(second.pk), "cascade": {}}
