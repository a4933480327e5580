import pytest
from django.core.management import call_command

from applications.models import Proposal, ProposalStatus
from regions.models import DesignationImport


@pytest.mark.usefixtures("registry")
def test_demo_seed_shows_the_2025_round_and_runs_twice_without_change():
    call_command("seed_demo", "--force")
    call_command("seed_demo", "--force")
    statuses = dict(Proposal.objects.values_list("lead_local_government__code", "status"))
    assert statuses == {"48870": ProposalStatus.SUBMITTED, "48860": ProposalStatus.RESUBMITTED,
                        "48880": ProposalStatus.DRAFT, "48890": ProposalStatus.WITHDRAWN}
    hamyang = Proposal.objects.get(lead_local_government__code="48870")
    assert "산삼" in hamyang.title and hamyang.receipt_number
    assert Proposal.objects.get(lead_local_government__code="48860").versions.count() == 2
    assert DesignationImport.objects.count() == 1
