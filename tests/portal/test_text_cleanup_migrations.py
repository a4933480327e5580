"""The data cleanups of old rows: text typed in NFD before the portal normalised its input comes out in NFC
(names, titles, proposal sections), and notification text stored HTML-escaped before it was rendered plain
is unescaped once; rows written since, and frozen records, are left as they are."""
import unicodedata

import pytest
from django.utils import timezone

from accounts.roles import Role
from applications.models import Contest, ParticipatingCompany, Proposal, ProposalVersion
from notifications.models import Notification
from regions.models import LocalGovernment
from tests.factories import make_contest, make_user
from tests.migrations import latest, migrate_to

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.migration, pytest.mark.usefixtures("registry")]

TITLE, SECTION, NAME = "함양 산삼 항노화 과제", "지리산 산양삼을 원료로 한 항노화 식품", "김민지"


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def is_nfc(text: str) -> bool:
    return unicodedata.is_normalized("NFC", text)


@pytest.fixture
def before_cleanups():
    """The database as before the cleanups (the portal app's data migrations unapplied); migrated to the
    latest state by the test, and again afterwards."""
    migrate_to([("portal", None)])
    yield
    migrate_to(latest())


def test_text_typed_in_nfd_comes_out_in_nfc_and_a_name_that_would_collide_is_left(before_cleanups):
    official = make_user(Role.LOCAL_OFFICIAL, first_name=nfd("민지"), last_name=nfd("김"))
    contest = make_contest(year=2025)
    twin = make_contest(year=2026)
    Contest.objects.filter(pk=twin.pk).update(year=2025, name_ko=nfd(contest.name_ko))  # the same name, in NFD
    proposal = Proposal.objects.create(contest=contest, lead_local_government=LocalGovernment.objects.get(
        code="48870"), created_by=official, title=nfd(TITLE), summary=nfd(SECTION), industry=SECTION)
    company = ParticipatingCompany.objects.create(proposal=proposal, name=nfd("지리산산삼바이오"), growth_stage="early",
                                                  business_registration_number="2208162517")
    version = ProposalVersion.objects.create(proposal=proposal, number=1, content={"title": nfd(TITLE)},
                                             submitted_at=timezone.now(), submitted_by=official,
                                             content_sha256="0" * 64)

    migrate_to(latest())

    proposal.refresh_from_db()
    assert (proposal.title, proposal.summary, proposal.industry) == (TITLE, SECTION, SECTION)
    assert Proposal.objects.filter(title__contains="산삼").exists()  # a search typed in NFC finds it
    company.refresh_from_db()
    assert company.name == "지리산산삼바이오"
    official.refresh_from_db()
    assert (official.last_name + official.first_name) == NAME and is_nfc(official.first_name)
    twin.refresh_from_db()
    assert not is_nfc(twin.name_ko)  # normalised it would break "one name per year": left for the council
    version.refresh_from_db()
    assert version.content == {"title": nfd(TITLE)}  # as filed


def test_escaped_notification_text_is_unescaped_once_and_plain_text_is_left(before_cleanups):
    recipient = make_user(Role.LOCAL_OFFICIAL)

    def written(key: str, subject: str, body: str = "") -> Notification:
        return Notification.objects.create(recipient=recipient, event="proposal.submitted", key=key,
                                           subject=subject, body=body)

    escaped = written("escaped", "[접수] &quot;산삼&quot; R&amp;D 과제 &lt;함양&gt; 제출 &#x27;완료&#x27;",
                      "과제 &quot;산삼&quot;이 접수되었습니다.\n\nhttps://portal.example/proposals/?a=1&amp;b=2")
    plain = written("plain", '[접수] "산삼" R&D 과제', "R&D & 산삼: 바로가기 &amp; 그대로")
    literal = written("literal", "R&amp;D 과제 \"원문\"")  # a raw quote: never escaped, left
    cut = written("cut", "&quot;산삼&quot; " + "가" * 281 + "&quo")  # 300 characters, ending inside an entity

    migrate_to(latest())

    escaped.refresh_from_db()
    assert escaped.subject == "[접수] \"산삼\" R&D 과제 <함양> 제출 '완료'"
    assert escaped.body == "과제 \"산삼\"이 접수되었습니다.\n\nhttps://portal.example/proposals/?a=1&b=2"
    plain.refresh_from_db()
    assert (plain.subject, plain.body) == ('[접수] "산삼" R&D 과제', "R&D & 산삼: 바로가기 &amp; 그대로")
    literal.refresh_from_db()
    assert literal.subject == "R&amp;D 과제 \"원문\""
    cut.refresh_from_db()
    assert cut.subject == '"산삼" ' + "가" * 281
