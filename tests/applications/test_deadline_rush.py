"""The last second before the deadline: a hundred submissions in flight at once against PostgreSQL, from ten
threads (ten connections, as a pool of web workers would hold) of ten submissions each, started together.
None is lost, none is numbered twice, none lands after the deadline, and a double click submits once. Ten
connections leave room for whatever else holds one on the machine (issue 22)."""
import random
import threading
from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.utils import translation

from accounts.roles import Role
from applications.models import Proposal, ProposalStatus, ProposalVersion
from applications.selectors import eligible_local_governments_for_contest
from applications.services import SubmissionRefused, create_proposal, submit_proposal
from audit.models import AuditEntry
from tests.applications.test_proposal_services import DEADLINE, SECTIONS
from tests.factories import complete_sections, make_contest, make_user

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("registry"),
    pytest.mark.skipif("postgresql" not in settings.DATABASES["default"]["ENGINE"],
                       reason="SQLite locks the whole file, so nothing races; this runs in the PostgreSQL pass"),
]

PROPOSALS = 80
ON_TIME = 60  # the first 60 arrive in the last 60 ms, the last one on the deadline; 20 in the 20 ms after it
DOUBLE_CLICKS = 20  # the first 20 on-time proposals are sent twice
THREADS = 10  # each with its own connection, submitting its share one after another


def test_a_hundred_submissions_at_the_deadline_are_each_accepted_once_or_refused():
    contest = make_contest()
    drafts = []
    for local_government in eligible_local_governments_for_contest(contest).order_by("code")[:PROPOSALS]:
        official = make_user(Role.LOCAL_OFFICIAL, local_government=local_government)
        proposal = create_proposal(actor=official, contest=contest, lead_local_government=local_government,
                                   values=SECTIONS)
        drafts.append((complete_sections(proposal, official), official))
    attempts = [(proposal, official, DEADLINE - timedelta(milliseconds=ON_TIME - 1 - index))
                for index, (proposal, official) in enumerate(drafts)]
    attempts += attempts[:DOUBLE_CLICKS]
    assert len(attempts) == 100

    random.Random(22).shuffle(attempts)  # a double click and its first click mostly in different threads
    shares = [attempts[number::THREADS] for number in range(THREADS)]
    start = threading.Barrier(THREADS)
    outcomes: list[tuple[int, str]] = []

    def submit_all(share):
        try:
            translation.activate("en")  # each thread has its own language
            start.wait()
            for proposal, official, moment in share:
                try:
                    submit_proposal(actor=official, proposal=proposal, now=moment)
                    outcomes.append((proposal.pk, "accepted"))
                except SubmissionRefused as refused:
                    outcomes.append((proposal.pk, str(refused)))
        finally:
            connection.close()

    connection.close()  # leave the connections to the threads
    threads = [threading.Thread(target=submit_all, args=(share,)) for share in shares]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)

    assert len(outcomes) == 100  # every attempt got an answer: accepted or refused with a reason
    accepted = sorted(pk for pk, outcome in outcomes if outcome == "accepted")
    on_time = sorted(proposal.pk for proposal, _official in drafts[:ON_TIME])
    assert accepted == on_time  # none lost, none twice
    late = {pk: outcome for pk, outcome in outcomes if pk not in on_time}
    assert len(late) == PROPOSALS - ON_TIME and set(late.values()) == {"The application deadline has passed."}
    assert sum(outcome == "This proposal is not waiting to be submitted." for _pk, outcome in outcomes) == 20

    versions = ProposalVersion.objects.filter(proposal__contest=contest)
    assert versions.count() == ON_TIME and all(version.number == 1 for version in versions)
    assert all(version.submitted_at <= DEADLINE for version in versions)
    numbers = sorted(Proposal.objects.filter(contest=contest).exclude(receipt_number="")
                     .values_list("receipt_number", flat=True))
    assert numbers == [f"2025-{number:04d}" for number in range(1, ON_TIME + 1)]
    assert Proposal.objects.filter(contest=contest, status=ProposalStatus.DRAFT).count() == PROPOSALS - ON_TIME
    assert AuditEntry.objects.filter(action="proposal.submitted").count() == ON_TIME
