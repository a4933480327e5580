"""Korean words read by kind: one name for one document (신청서, never 제안서), no particle written after a
placeholder whose last syllable the translator cannot know (이(가), 을(를) …, or 가/를 guessed), and a word
shared by two meanings given its own string where the meanings differ (the announcement file's title is not a
task's title; the council's reason is not an objection's)."""
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, pgettext

PO = Path(settings.BASE_DIR) / "locale" / "ko" / "LC_MESSAGES" / "django.po"
PARTICLE_AFTER_PLACEHOLDER = re.compile(r"%\([a-z_]+\)s[」”\"']*(?:이\(가\)|을\(를\)|은\(는\)|와\(과\)|\(으\)로"
                                        r"|(?:을|를|이|가|은|는|와|과|으로|로)(?![가-힣]))")


def korean_entries():
    with PO.open("rb") as handle:
        return [message for message in read_po(handle) if message.id and message.string]


def test_the_application_document_is_called_sinchungseo_everywhere():
    assert [entry.id for entry in korean_entries() if "제안서" in str(entry.string)] == []


def test_no_particle_follows_a_placeholder():
    found = [(entry.id, entry.string) for entry in korean_entries()
             for text in ([entry.string] if isinstance(entry.string, str) else entry.string)
             if PARTICLE_AFTER_PLACEHOLDER.search(text)]
    assert found == []


def test_a_shared_english_word_gets_the_korean_word_of_its_meaning():
    with translation.override("ko"):
        assert gettext("Title") == "과제명"  # a proposal's or task's title in the lists
        assert pgettext("document", "Title") == "제목"
        assert pgettext("recruitment", "title") == "공고명"
        assert pgettext("objection", "Reasons") == "신청 사유"
        assert gettext("Reasons") == "사유"  # a grade's, a continuation decision's


@pytest.mark.django_db
def test_the_contest_page_asks_for_the_files_title_not_a_task_title(client):
    from accounts.roles import Role
    from tests.factories import make_contest, make_user

    contest = make_contest(year=2026)
    client.force_login(make_user(Role.COUNCIL_STAFF, language="ko"))
    page = client.get(reverse("applications:contest-detail", args=[contest.pk]),
                      HTTP_ACCEPT_LANGUAGE="ko").content.decode()
    files = page[page.index('id="contest-file-form"'):]
    files = files[:files.index("</form>")]
    assert "제목" in files and "과제명" not in files


def test_a_composed_text_chooses_the_particle_its_last_syllable_takes():
    from core.text import with_particle

    assert [with_particle(word, "을/를") for word in ("완도 다시마", "해남 조선 배후 산업단지", "단양 마늘·특화작물",
                                                    "탄소포집·활용(CCU)", "「함양 산삼」")] == [
        "완도 다시마를", "해남 조선 배후 산업단지를", "단양 마늘·특화작물을", "탄소포집·활용(CCU)을", "「함양 산삼」을"]
    assert [with_particle(word, "으로/로") for word in ("서울", "부산", "세종시")] == ["서울로", "부산으로", "세종시로"]
    assert [with_particle(word, "이/가") for word in ("2024", "2023", "제천")] == ["2024가", "2023이", "제천이"]
    assert with_particle("보은군", "은/는") == "보은군은" and with_particle("괴산", "과/와") == "괴산과"
