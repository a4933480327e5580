"""Designations and eligibility across the 2026-07-01 reorganisation: nothing moves without a decision."""
from datetime import date, datetime

import pytest
from django.urls import reverse

from accounts.roles import Role
from applications.models import SEOUL
from applications.selectors import eligible_local_governments_for_contest, eligible_rows_for_contest
from audit.models import AuditEntry
from regions.models import Designation, DesignationKind, LocalGovernment, Province
from regions.succession import DecisionRefused, decide_designation_successor, designations_awaiting_successor
from tests.factories import make_contest, make_user
from tracking.korea_map import korea_map
from tracking.selectors.dashboard import dashboard_figures

pytestmark = pytest.mark.usefixtures("registry")
REORGANISED = date(2026, 7, 1)


def _contest_2027():
    return make_contest(year=2027, opens=datetime(2026, 12, 1, 9, 0, tzinfo=SEOUL),
                        closes=datetime(2026, 12, 21, 18, 0, tzinfo=SEOUL))


def _contest_2025():
    return make_contest(opens=datetime(2024, 10, 2, 9, 0, tzinfo=SEOUL),
                        closes=datetime(2024, 10, 21, 18, 0, tzinfo=SEOUL))


def _dong_gu_interest_area():
    return Designation.objects.get(local_government__code="28140", kind=DesignationKind.INTEREST_AREA)


def test_a_2025_contest_keeps_its_eligibility_and_shows_jeollanam_do():
    contest = _contest_2025()
    codes = {row.local_government.as_of.code for row in eligible_rows_for_contest(contest)}
    # The 107 MOIS designations, each under the code it carried in October 2024.
    assert len(codes) == 107
    assert {"28140", "46720", "29110"} <= codes and not {"28125", "12720", "12210"} & codes
    gokseong = next(row.local_government for row in eligible_rows_for_contest(contest)
                    if row.local_government.as_of.code == "46720")
    assert gokseong.as_of.province.name_ko == "전라남도"


def test_a_2027_contest_excludes_incheon_dong_gu_until_the_council_decides():
    contest = _contest_2027()
    eligible = set(eligible_local_governments_for_contest(contest).values_list("code", flat=True))
    assert "28140" not in eligible and "28125" not in eligible  # Dong-gu is gone; Jemulpo-gu holds nothing
    assert len(eligible) == 106
    gokseong = next(row.local_government for row in eligible_rows_for_contest(contest)
                    if row.local_government.code == "12720")
    assert gokseong.as_of.province.name_ko == "전남광주통합특별시"  # recoded and moved, still designated
    (flag,) = designations_awaiting_successor()
    assert flag.designation == _dong_gu_interest_area()
    assert [lg.code for lg in flag.successors] == ["28125"]

    council = make_user(Role.COUNCIL_STAFF)
    decide_designation_successor(actor=council, designation=flag.designation, outcome="carry",
                                 successor=LocalGovernment.objects.get(code="28125"), effective_on=REORGANISED,
                                 source="MOIS Notice 2026-XX (demo)", reason="Dong-gu wholly in Jemulpo-gu")
    eligible = set(eligible_local_governments_for_contest(contest).values_list("code", flat=True))
    assert "28125" in eligible and len(eligible) == 107
    carried = Designation.objects.get(local_government__code="28125")
    assert carried.valid_from == REORGANISED and "MOIS Notice 2026-XX" in carried.source
    assert _dong_gu_interest_area().valid_to == date(2026, 6, 30)
    assert designations_awaiting_successor() == []
    assert AuditEntry.objects.filter(action="regions.designation_succession_decided", actor=council).exists()
    # A 2025 contest still counts Dong-gu itself.
    assert "28140" in set(eligible_local_governments_for_contest(_contest_2025()).values_list("code", flat=True))


def test_a_decision_needs_a_source_and_a_real_successor():
    council = make_user(Role.COUNCIL_STAFF)
    designation = _dong_gu_interest_area()
    with pytest.raises(DecisionRefused):
        decide_designation_successor(actor=council, designation=designation, outcome="carry", source=" ",
                                     successor=LocalGovernment.objects.get(code="28125"), effective_on=REORGANISED)
    with pytest.raises(DecisionRefused):
        decide_designation_successor(actor=council, designation=designation, outcome="carry", source="x",
                                     successor=LocalGovernment.objects.get(code="28155"), effective_on=REORGANISED)
    assert designations_awaiting_successor()[0].designation == designation


def test_council_records_an_end_on_the_registry_page_others_cannot(client):
    page = reverse("regions:detail", args=[LocalGovernment.objects.get(code="28140").pk])
    client.force_login(make_user(Role.LOCAL_OFFICIAL))
    html = client.get(page).content.decode()
    assert "successor-undecided" in html and "designation-decision" not in html
    assert client.post(page, {}).status_code == 403
    client.force_login(make_user(Role.COUNCIL_STAFF))
    form = {"designation": _dong_gu_interest_area().pk, "outcome": "end", "effective_on": "2026-07-01",
            "source": ""}
    refused = client.post(page, form)
    assert refused.status_code == 400 and "designation-decision" in refused.content.decode()
    assert client.post(page, {**form, "source": "중앙협의회 2026-08 회의록"}).status_code == 302
    assert designations_awaiting_successor() == []
    assert _dong_gu_interest_area().valid_to == date(2026, 6, 30)


def test_the_map_draws_the_merged_province_as_one_shape_from_july_2026():
    shapes = korea_map().shapes
    merged = shapes["12"]
    # One outline: Jeollanam-do's mainland without the hole where Gwangju was.
    assert merged.path.count("M") == shapes["46"].path.count("M") - 1
    after = [province.code for province, _count in dashboard_figures(_contest_2027()).by_province]
    before = [province.code for province, _count in dashboard_figures(_contest_2025()).by_province]
    assert "12" in after and not {"29", "46"} & set(after)
    assert {"29", "46"} <= set(before) and "12" not in before


def test_the_officer_of_the_merged_province_sees_jeonnam_and_gwangju(client):
    officer = make_user(Role.PROVINCIAL_OFFICER, province=Province.objects.get(code="12"))
    client.force_login(officer)
    rows = client.get("/").context["rows"]
    assert len(rows) == 27  # Jeollanam-do's 22 and Gwangju's 5
    assert {"목포시", "광산구"} <= {lg.name_ko for lg, _designations in rows}
    response = client.get(reverse("regions:list"), {"province": officer.province_id})
    assert response.context["paginator"].count == 27


def test_the_registry_list_shows_a_days_codes_and_marks_the_unverified(client):
    client.force_login(make_user(Role.REVIEWER))

    def mokpo(day):
        response = client.get(reverse("regions:list"), {"q": "목포", "on": day})
        (row,) = response.context["object_list"]
        return row.as_of.code, row.as_of.province.code, row.as_of.code_verified, response.content.decode()

    code, province, verified, html = mokpo("2026-06-30")
    assert (code, province, verified) == ("46110", "46", True) and "badge text-bg-warning" not in html
    code, province, verified, html = mokpo("2026-07-01")
    assert (code, province, verified) == ("12110", "12", False) and "badge text-bg-warning" in html


def test_the_proposal_lists_province_filter_offers_the_contests_own_provinces():
    from applications.filters import ProposalFilter

    def offered(contest):
        return set(ProposalFilter({}, contest=contest).filters["province"].queryset.values_list("code", flat=True))

    later, earlier = offered(_contest_2027()), offered(_contest_2025())
    assert "12" in later and not {"29", "46"} & later
    assert {"29", "46"} <= earlier and "12" not in earlier
