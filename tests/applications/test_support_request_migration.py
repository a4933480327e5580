"""Proposals' support requests keep every value when they move from the fixed fields (visa type, persons,
project, MSS item, companies, KRW) to rows against the lines' measures: requests are built in the old schema,
the migrations run, and every request comes out the same, with the same rules still refusing."""
import pytest

from applications.models import SupportRequest
from applications.services import SubmissionRefused, save_support_requests
from applications.services.proposals import create_proposal
from tests.applications.test_proposal_services import SECTIONS
from tests.factories import make_open_contest, make_user
from tests.migrations import latest, migrate_to

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.migration,
              pytest.mark.usefixtures("registry", "english")]

OLD = [("applications", "0007_contest_preselection")]



def test_every_old_request_moves_with_every_value_and_the_rules_still_refuse():
    from accounts.roles import Role

    official = make_user(Role.LOCAL_OFFICIAL, language="en")
    contest = make_open_contest()
    proposal = create_proposal(actor=official, contest=contest, values=SECTIONS,
                               lead_local_government=official.local_government)
    old = migrate_to(OLD)
    Request = old.get_model("applications", "SupportRequest")
    items = dict(old.get_model("ministries", "SupportItem").objects.values_list("code", "pk"))
    rows = [
        {"line": "regional_visa", "visa_type": "F-2-R", "persons": 15, "description": "산삼 가공 인력"},
        {"line": "regional_visa", "visa_type": "F-4-R", "persons": 3},
        {"line": "extinction_fund", "project_name": "기업지원센터 리모델링", "amount_krw": 1_200_000_000},
        {"line": "rural_agreement_facility", "project_name": "공동 가공·저장 시설", "amount_krw": 800_000_000,
         "description": "전방 시설"},
        {"line": "sme_commercialization", "support_item_id": items["marketing"], "companies": 10,
         "amount_krw": 300_000_000},
        {"line": "sme_commercialization", "support_item_id": items["certification"], "companies": 6},
    ]
    for row in rows:
        Request.objects.create(proposal_id=proposal.pk, **row)

    migrate_to(latest())

    moved = [(request.line.code, request.values, request.key, request.description)
             for request in SupportRequest.objects.select_related("line").order_by("pk")]
    assert moved == [
        ("regional_visa", {"visa_type": "F-2-R", "requested": 15}, '["F-2-R"]', "산삼 가공 인력"),
        ("regional_visa", {"visa_type": "F-4-R", "requested": 3}, '["F-4-R"]', ""),
        ("extinction_fund", {"name": "기업지원센터 리모델링", "approved_krw": 1_200_000_000},
         '["기업지원센터 리모델링"]', ""),
        ("rural_agreement_facility", {"name": "공동 가공·저장 시설", "amount_krw": 800_000_000},
         '["공동 가공·저장 시설"]', "전방 시설"),
        ("sme_commercialization", {"item": "marketing", "companies": 10, "amount_krw": 300_000_000},
         '["marketing"]', ""),
        ("sme_commercialization", {"item": "certification", "companies": 6}, '["certification"]', ""),
    ]
    kept = [{"line": line, "values": values, "description": description}
            for line, values, _key, description in moved]
    save_support_requests(actor=official, proposal=proposal, requests=kept)  # as they are, they still hold
    assert SupportRequest.objects.count() == len(rows)
    with pytest.raises(SubmissionRefused, match="already has a request of this kind"):
        save_support_requests(actor=official, proposal=proposal, requests=[
            *kept, {"line": "regional_visa", "values": {"visa_type": "F-2-R", "requested": 1}}])
    with pytest.raises(SubmissionRefused, match="already has a request of this kind"):
        save_support_requests(actor=official, proposal=proposal, requests=[
            *kept, {"line": "sme_commercialization", "values": {"item": "marketing", "companies": 1}}])
    with pytest.raises(SubmissionRefused, match="ask for more than zero"):
        save_support_requests(actor=official, proposal=proposal, requests=[
            {"line": "extinction_fund", "values": {"name": "x", "approved_krw": 0}}])
