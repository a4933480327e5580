"""One style for dates and money wherever a user reads them (``core.formats``), checked by kind: each role walks
every page it can reach from its start page (a few of each shape), opens the PDFs, spreadsheets and CSVs linked
there, and every e-mail of the round is rendered; none shows a date, a time or an amount in another style, nor a
business registration number without its hyphens.

The rule: 2026-03-31, 2026-03-31 18:00 (KST), 18:00, 1,000,000,000원 (or 1,000,000,000 under a header naming
원); spreadsheet dates are date cells formatted yyyy-mm-dd (hh:mm), amounts numbers.
"""
import io
import re
from collections import Counter, deque
from datetime import date, datetime, timedelta
from decimal import Decimal
from html import unescape
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.utils import timezone, translation
from openpyxl import load_workbook

from accounts.models import User
from accounts.roles import Role
from applications.services import create_proposal, submit_proposal
from core import formats
from core.formats import XLSX_DAY, XLSX_MOMENT
from notifications.models import Notification
from reviews.models import ScoreSheet
from tests.applications.test_proposal_services import SECTIONS
from tests.factories import complete_sections, make_contest, make_user
from tests.papers import pdf_text
from tests.tracking.builders import confirmed_run, more_tasks

pytestmark = pytest.mark.usefixtures("registry")

OTHER_STYLES = {
    "a time with seconds or ISO 'T'": re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}|\d{4}-\d{2}-\d{2}T\d{2}"),
    "a time zone offset": re.compile(r"\d{2}:\d{2}(:\d{2})?(\.\d+)?[+-]\d{2}:?\d{2}"),
    "a dotted or slashed date": re.compile(r"\b\d{4}\.\s?\d{1,2}\.\s?\d{1,2}|\b\d{1,2}/\d{1,2}/\d{2,4}\b"),
    "Django's Korean date": re.compile(r"\d{4}년\s?\d{1,2}월\s?\d{1,2}일"),
    "a 12-hour time": re.compile(r"(오전|오후)\s?\d{1,2}:\d{2}|\d{1,2}:\d{2}\s?([ap]\.m\.|[AP]M)\b"),
    "an English month": re.compile(r"\b(January|February|March|April|June|July|August|September|October|November"
                                   r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.? \d{1,2}\b"),
    "a day without its year": re.compile(r"(?<![\d-])\d{2}-\d{2} \d{2}:\d{2}"),
    "KRW on a Korean page": re.compile(r"KRW"),
    "a won sign": re.compile(r"₩"),
    "a space before 원": re.compile(r"\d\s+원(?![가-힣])"),
    "an amount without separators": re.compile(r"(?<![\d,.\-\w])\d{4,}원"),
    "a long number without separators (an amount or a registration number)":
        re.compile(r"(?<![\w.,\-/:#])\d{7,}(?![\w.,\-/])"),
}
PAGE_SHAPES_PER_ROLE = 2  # pages of one shape (digits folded, query keys kept) visited per role
SKIP = ("/accounts/logout", "/admin/", "/api/", "/static/", "/media/", "/i18n/", "/healthz", "/metrics")


def other_styles(text: str) -> list[str]:
    return [f"{name}: {match.group(0)!r}" for name, pattern in OTHER_STYLES.items()
            for match in [pattern.search(text)] if match]


def visible_text(html: str) -> str:
    """What a reader sees: no scripts, styles, code (digests) or attributes."""
    html = re.sub(r"(?is)<(script|style|code|svg)\b.*?</\1>", " ", html)
    return unescape(re.sub(r"(?s)<[^>]+>", " ", html))


def shape(url: str) -> str:
    parts = urlsplit(url)
    keys = sorted(pair.split("=")[0] for pair in parts.query.split("&") if pair)
    return re.sub(r"\d+", "N", parts.path) + "?" + "&".join(keys)


def links(html: str) -> list[str]:
    return [unescape(href) for href in re.findall(r'href="(/[^"#]*)', html)]


def xlsx_problems(content: bytes) -> list[str]:
    problems = []
    for sheet in load_workbook(io.BytesIO(content)).worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, datetime) and cell.number_format != XLSX_MOMENT \
                        and not (cell.value.time() == datetime.min.time() and cell.number_format == XLSX_DAY):
                    problems.append(f"{cell.coordinate}: a date cell formatted {cell.number_format}")
                elif isinstance(cell.value, str):
                    problems += [f"{cell.coordinate}: {problem}" for problem in other_styles(cell.value)
                                 if not problem.startswith(("KRW", "a long number"))]
    return problems


def walk(client, start="/") -> tuple[dict[str, list[str]], Counter]:
    """Every reachable page (a few of each shape) and the files they link: problems by URL, and what was read."""
    seen_shapes: Counter = Counter()
    seen, queue, problems, kinds = set(), deque([start]), {}, Counter()
    while queue:
        url = queue.popleft()
        if url in seen or url.startswith(SKIP):
            continue
        seen.add(url)
        limit = 1 if url.split("?")[0].endswith((".pdf", ".zip")) else PAGE_SHAPES_PER_ROLE
        if seen_shapes[shape(url)] >= limit:
            continue
        seen_shapes[shape(url)] += 1
        response = client.get(url)
        if response.status_code != 200 or response.streaming:  # a streamed file is an uploaded document
            continue
        kind = response["Content-Type"].split(";")[0]
        kinds[kind] += 1
        if kind == "text/html":
            html = response.content.decode()
            found = other_styles(visible_text(html))
            queue.extend(links(html))
        elif kind == "application/pdf":
            found = other_styles(pdf_text(response))
        elif kind == "text/csv":
            found = [problem for problem in other_styles(response.content.decode("utf-8-sig"))
                     if not problem.startswith(("KRW", "a long number"))]  # amounts are whole won in CSV
        elif "spreadsheetml" in kind:
            found = xlsx_problems(response.content)
        else:
            found = []
        if found:
            problems[url] = found
    return problems, kinds


@pytest.fixture
def round_in_korean(django_capture_on_commit_callbacks, celery_eager, settings):
    """A confirmed round with running tasks (money, reports, support lines), a submitted proposal with its
    papers in an open contest, the round's notifications e-mailed; every user reads Korean."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    council = make_user(Role.COUNCIL_STAFF, language="ko")
    run = confirmed_run(council, django_capture_on_commit_callbacks)
    more_tasks(run, 1)
    official = make_user(Role.LOCAL_OFFICIAL, language="ko")
    now = timezone.now()
    contest = make_contest(year=2026, opens=now - timedelta(days=1), closes=now + timedelta(days=10))
    proposal = create_proposal(actor=official, contest=contest, values=SECTIONS,
                               lead_local_government=official.local_government)
    complete_sections(proposal, official)
    with django_capture_on_commit_callbacks(execute=True):
        submit_proposal(actor=official, proposal=proposal)
    reviewer = ScoreSheet.objects.filter(assignment__panel__contest=run.contest).first().assignment.reviewer.user
    User.objects.update(language="ko")
    return {"council": council, "official": official, "reviewer": reviewer,
            "province": make_user(Role.PROVINCIAL_OFFICER, language="ko"),
            "ministry": make_user(Role.MINISTRY_STAFF, language="ko")}


@pytest.mark.parametrize("role", ["council", "official", "province", "reviewer", "ministry"])
def test_every_page_and_file_a_role_reaches_shows_one_date_and_money_style(client, round_in_korean, role):
    client.force_login(round_in_korean[role])
    problems, kinds = walk(client)
    assert problems == {}
    assert kinds["text/html"] >= 5
    if role == "council":
        assert kinds["application/pdf"] and any("spreadsheetml" in kind for kind in kinds), kinds


def test_every_email_of_the_round_shows_one_date_and_money_style(round_in_korean):
    """An e-mail is its notification's subject and body (notifications.channels.EmailChannel), as sent."""
    notifications = list(Notification.objects.all())
    assert notifications
    problems = {notification.subject: found for notification in notifications
                for found in [other_styles(f"{notification.subject}\n{notification.body}")] if found}
    sent = {message.subject: found for message in mail.outbox
            for found in [other_styles(f"{message.subject}\n{message.body}")] if found}
    assert problems == sent == {}


def test_the_formatter_writes_the_one_style():
    moment = datetime(2026, 3, 31, 9, 0, tzinfo=timezone.get_fixed_timezone(0))  # 18:00 in Korea
    with translation.override("ko"):
        assert formats.won(1_000_000_000) == "1,000,000,000원"
        assert (formats.day(moment), formats.moment(moment), formats.clock(moment)) == (
            "2026-03-31", "2026-03-31 18:00", "18:00")
        assert formats.day(date(2026, 1, 5)) == "2026-01-05" and formats.number(Decimal("80.50")) == "80.5"
        assert other_styles(f"{formats.won(123456789)} {formats.moment(moment)}") == []
    with translation.override("en"):
        assert formats.won(500_000_000) == "500,000,000 KRW"
