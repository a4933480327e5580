"""The portal's roles and what each one is bound to."""
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    LOCAL_OFFICIAL = "local_official", _("Local government official")
    PROVINCIAL_OFFICER = "provincial_officer", _("Provincial officer")
    REVIEWER = "reviewer", _("Reviewer")
    MINISTRY_STAFF = "ministry_staff", _("Ministry staff")
    COUNCIL_STAFF = "council_staff", _("Council staff")
    ADMINISTRATOR = "administrator", _("Administrator")


# Which binding field each role requires; roles not listed are bound to nothing.
ROLE_BINDING = {
    Role.LOCAL_OFFICIAL: "local_government",
    Role.PROVINCIAL_OFFICER: "province",
    Role.MINISTRY_STAFF: "ministry",
}
BINDING_FIELDS = ("local_government", "province", "ministry")
