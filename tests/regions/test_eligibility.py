from datetime import UTC, date, datetime

import pytest

from applications.selectors import eligibility_for_contest, eligible_local_governments_for_contest
from regions.models import Designation, DesignationKind, LocalGovernment
from regions.selectors import eligible_local_governments
from regions.services import DATA_DIR, import_rural_agreement
from tests.factories import make_contest

pytestmark = pytest.mark.usefixtures("registry")
ALL_KINDS = DesignationKind.values


@pytest.fixture
def rural_agreement_list(registry):
    with (DATA_DIR / "rural_agreement_2021_2024.csv").open("rb") as stream:
        import_rural_agreement(stream=stream, file_name="rural_agreement_2021_2024.csv", reason="test")


@pytest.mark.usefixtures("rural_agreement_list")
def test_2025_contest_with_all_three_kinds_has_132_eligible_with_the_81_public_rural_agreements():
    contest = make_contest()
    eligible = eligible_local_governments_for_contest(contest)
    assert eligible.count() == 132  # 133 with the full 84 Rural Agreement list
    designated = eligible_local_governments(kinds=[DesignationKind.POPULATION_DECLINING,
                                                   DesignationKind.INTEREST_AREA], on=date(2025, 10, 20))
    rural = eligible_local_governments(kinds=[DesignationKind.RURAL_AGREEMENT], on=date(2025, 10, 20))
    assert (designated.count(), rural.count()) == (107, 81)


def test_contest_accepting_only_population_declining_areas_has_89():
    contest = make_contest(kinds=[DesignationKind.POPULATION_DECLINING])
    assert eligible_local_governments_for_contest(contest).count() == 89


def test_reasons_name_the_qualifying_designation():
    contest = make_contest()
    hamyang = LocalGovernment.objects.get(code="48870")
    eligibility = eligibility_for_contest(contest=contest, local_government=hamyang)
    assert eligibility.eligible
    assert [(d.kind, d.valid_from) for d in eligibility.designations] == [
        (DesignationKind.POPULATION_DECLINING, date(2021, 10, 19))]
    gangnam = LocalGovernment.objects.get(code="11680")
    refused = eligibility_for_contest(contest=contest, local_government=gangnam)
    assert not refused.eligible
    assert refused.designations == [] and refused.preliminary_selection is None


def test_a_designation_counts_only_on_the_days_it_is_valid():
    gangnam = LocalGovernment.objects.get(code="11680")
    Designation.objects.create(local_government=gangnam, kind=DesignationKind.RURAL_AGREEMENT,
                               valid_from=date(2024, 1, 1), valid_to=date(2025, 10, 19), source="test")
    kinds = [DesignationKind.RURAL_AGREEMENT]
    assert gangnam in eligible_local_governments(kinds=kinds, on=date(2025, 10, 19))  # last valid day
    assert gangnam not in eligible_local_governments(kinds=kinds, on=date(2025, 10, 20))  # the day after
    assert gangnam not in eligible_local_governments(kinds=kinds, on=date(2023, 12, 31))  # before it starts


def test_eligibility_is_judged_on_the_deadline_day_in_seoul():
    # 2025-10-20 23:30 UTC is already 2025-10-21 in Seoul.
    contest = make_contest(closes=datetime(2025, 10, 20, 23, 30, tzinfo=UTC))
    assert contest.eligibility_date == date(2025, 10, 21)


def test_an_abolished_local_government_is_not_eligible_after_it_ends():
    ongjin = LocalGovernment.objects.get(code="28720")
    ongjin.valid_to = date(2025, 6, 30)
    ongjin.save()
    kinds = [DesignationKind.POPULATION_DECLINING]
    assert ongjin in eligible_local_governments(kinds=kinds, on=date(2025, 6, 30))
    assert ongjin not in eligible_local_governments(kinds=kinds, on=date(2025, 7, 1))
