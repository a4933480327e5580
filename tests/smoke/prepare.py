"""Data for the production smoke test, run by `manage.py shell` with the production settings against the smoke
database: an open contest and Hamyang-gun's official with a complete draft. Prints ``proposal-id username``.

Test scaffolding (it uses the test factories), so it runs from the development environment; the servers under
test run from the runtime-only one.
"""
from accounts.roles import Role
from applications import services
from regions.models import LocalGovernment
from tests.applications.test_proposal_services import SECTIONS
from tests.factories import complete_sections, make_open_contest, make_user

USERNAME = "smoke-official"  # password: tests.factories.PASSWORD

contest = make_open_contest()
official = make_user(Role.LOCAL_OFFICIAL, username=USERNAME)
draft = services.create_proposal(actor=official, contest=contest, values=SECTIONS,
                                 lead_local_government=LocalGovernment.objects.get(code="48870"))
complete_sections(draft, official)
print(draft.pk, USERNAME)
