"""Two officials editing one draft: a save over a newer version merges what does not collide, and where both
changed the same section nothing is lost: the page shows the text saved meanwhile beside the official's own,
and the next save (on top of the current version) keeps what he merged."""
import pytest
from django.urls import reverse

from accounts.roles import Role
from applications.services import DraftConflict, create_proposal, save_section
from tests.applications.test_proposal_services import SECTIONS
from tests.factories import make_open_contest, make_user

pytestmark = [pytest.mark.usefixtures("registry", "english")]


@pytest.fixture
def officials():
    first = make_user(Role.LOCAL_OFFICIAL, language="en")
    return first, make_user(Role.LOCAL_OFFICIAL, language="en", local_government=first.local_government)


@pytest.fixture
def draft(officials):
    return create_proposal(actor=officials[0], contest=make_open_contest(), values=SECTIONS,
                           lead_local_government=officials[0].local_government)


def opened(client, user, draft) -> dict:
    """What the edit page gives an official: the fields, the version and the fingerprints he starts from."""
    client.force_login(user)
    form = client.get(reverse("applications:proposal-update", args=[draft.pk])).context["form"]
    return {**SECTIONS, "partner_codes": "", "draft_version": form.initial["draft_version"],
            "draft_base": form.initial["draft_base"]}


def save(client, user, draft, data):
    client.force_login(user)
    return client.post(reverse("applications:proposal-update", args=[draft.pk]), data)


def test_the_later_save_of_the_same_section_shows_both_texts_and_loses_neither(client, officials, draft):
    first, second = officials
    first_form, second_form = opened(client, first, draft), opened(client, second, draft)
    assert save(client, first, draft, {**first_form, "summary": "첫째 담당자의 개요"}).status_code == 302
    answer = save(client, second, draft, {**second_form, "summary": "둘째 담당자의 개요"})
    assert answer.status_code == 200
    page = answer.content.decode()
    assert 'id="draft-conflict"' in page and "첫째 담당자의 개요" in page  # what was saved meanwhile
    assert answer.context["form"]["summary"].value() == "둘째 담당자의 개요"  # his own text, kept
    draft.refresh_from_db()
    assert draft.summary == "첫째 담당자의 개요"  # nothing overwritten silently
    merged = {**answer.context["form"].data.dict(), "summary": "첫째와 둘째를 합친 개요"}
    assert save(client, second, draft, merged).status_code == 302  # saved on top of the current version
    draft.refresh_from_db()
    assert draft.summary == "첫째와 둘째를 합친 개요"


def test_saves_of_different_sections_from_the_same_version_are_merged(client, officials, draft):
    first, second = officials
    first_form, second_form = opened(client, first, draft), opened(client, second, draft)
    save(client, first, draft, {**first_form, "summary": "첫째 담당자의 개요"})
    assert save(client, second, draft, {**second_form, "industry": "둘째 담당자의 산업"}).status_code == 302
    draft.refresh_from_db()
    assert (draft.summary, draft.industry) == ("첫째 담당자의 개요", "둘째 담당자의 산업")


def test_save_section_refuses_an_old_version_without_fingerprints_for_a_changed_field(officials, draft):
    first, second = officials
    version = draft.draft_version
    saved = save_section(actor=first, proposal=draft, values={"title": "새 제목"}, expected_version=version)
    assert saved.draft_version == version + 1
    with pytest.raises(DraftConflict) as conflict:
        save_section(actor=second, proposal=draft, values={"title": "다른 제목"}, expected_version=version)
    assert conflict.value.fields == ["title"] and conflict.value.saved["title"] == "새 제목"
    assert conflict.value.version == version + 1
    again = save_section(actor=second, proposal=draft, values={"title": "다른 제목"},
                         expected_version=conflict.value.version)  # after merging, on the current version
    assert again.title == "다른 제목"


def test_an_autosave_hands_the_page_its_new_version_and_a_colliding_autosave_is_not_saved(client, officials,
                                                                                        draft):
    first, second = officials
    first_form, second_form = opened(client, first, draft), opened(client, second, draft)
    client.force_login(first)
    url = reverse("applications:proposal-update", args=[draft.pk])
    answer = client.post(url, {**first_form, "summary": "자동 저장된 개요"}, HTTP_X_PORTAL_AUTOSAVE="1").json()
    assert answer["saved"] and answer["fields"]["draft_version"] == draft.draft_version + 1
    # the page took the new version: his next save is on top of his own autosave, not a conflict
    again = save(client, first, draft, {**first_form, **answer["fields"], "summary": "다시 고친 개요"})
    assert again.status_code == 302
    client.force_login(second)
    collided = client.post(url, {**second_form, "summary": "둘째의 개요"}, HTTP_X_PORTAL_AUTOSAVE="1")
    assert collided.status_code == 400 and not collided.json()["saved"]
    assert "Someone saved this draft" in collided.json()["message"]
    draft.refresh_from_db()
    assert draft.summary == "다시 고친 개요"


def test_two_api_clients_saving_one_draft_lose_nothing(officials, draft):
    """The API is a door to the same draft: a save written from an older version that would overwrite a
    section changed meanwhile is a 409 with both texts, and nothing is saved; a save that says no version
    keeps the last-save-wins behaviour of plain clients."""
    from tests.factories import api_as

    first, second = (api_as(official) for official in officials)
    url = f"/api/v1/proposals/{draft.pk}/"
    read = first.get(url).json()
    version = read["draft_version"]
    body = {name: read[name] for name in ("title", "summary", "specialty_resource", "industry",
                                          "extinction_strategy", "support_programme")}
    saved = first.put(url, {**body, "summary": "첫 번째 담당자의 요약", "draft_version": version}, format="json")
    assert saved.status_code == 200 and saved.json()["draft_version"] == version + 1

    late = second.put(url, {**body, "summary": "두 번째 담당자의 요약", "draft_version": version}, format="json")
    assert late.status_code == 409
    answer = late.json()
    assert answer["fields"] == ["summary"] and answer["saved"]["summary"] == "첫 번째 담당자의 요약"
    assert answer["yours"]["summary"] == "두 번째 담당자의 요약" and answer["draft_version"] == version + 1
    draft.refresh_from_db()
    assert draft.summary == "첫 번째 담당자의 요약"

    merged = second.put(url, {**body, "summary": "두 요약을 합친 글", "draft_version": answer["draft_version"]},
                        format="json")
    assert merged.status_code == 200
    draft.refresh_from_db()
    assert draft.summary == "두 요약을 합친 글"
