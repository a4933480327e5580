from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .roles import BINDING_FIELDS, ROLE_BINDING, Role


def _binding_condition(role: str) -> Q:
    """Exactly the binding the role requires is set; every other binding is empty."""
    required = ROLE_BINDING.get(role)
    condition = Q(role=role)
    for field in BINDING_FIELDS:
        condition &= Q(**{f"{field}__isnull": field != required})
    return condition


class PortalUserManager(UserManager):
    def create_superuser(self, username, email=None, password=None, **extra_fields):
        extra_fields.setdefault("role", Role.ADMINISTRATOR)
        return super().create_superuser(username, email, password, **extra_fields)


class User(AbstractUser):
    """A person using the portal, with one role and the body that role is bound to."""

    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    local_government = models.ForeignKey(
        "regions.LocalGovernment", verbose_name=_("local government"),
        on_delete=models.PROTECT, null=True, blank=True, related_name="officials",
    )
    province = models.ForeignKey(
        "regions.Province", verbose_name=_("province"),
        on_delete=models.PROTECT, null=True, blank=True, related_name="officers",
    )
    ministry = models.ForeignKey(
        "ministries.Ministry", verbose_name=_("ministry"),
        on_delete=models.PROTECT, null=True, blank=True, related_name="staff",
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    language = models.CharField(
        _("preferred language"), max_length=8, default="ko",
        choices=[("ko", _("Korean")), ("en", _("English"))],
        help_text=_("Used for notifications and when no language was chosen in the browser."),
    )

    objects = PortalUserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.CheckConstraint(
                name="user_role_binding_matches",
                condition=_binding_condition(Role.LOCAL_OFFICIAL)
                | _binding_condition(Role.PROVINCIAL_OFFICER)
                | _binding_condition(Role.MINISTRY_STAFF)
                | _binding_condition(Role.REVIEWER)
                | _binding_condition(Role.COUNCIL_STAFF)
                | _binding_condition(Role.ADMINISTRATOR),
                violation_error_message=_("The role and the body it is bound to do not match."),
            ),
        ]

    def __str__(self) -> str:
        full_name = self.get_full_name()
        return f"{full_name} ({self.username})" if full_name else self.username

    def get_full_name(self) -> str:
        """Korean names read family name first, with no space (김협의); others first name first."""
        first, last = self.first_name.strip(), self.last_name.strip()
        if any("\uac00" <= char <= "\ud7a3" for char in first + last):
            return f"{last}{first}"
        return super().get_full_name()

    def clean(self) -> None:
        super().clean()
        required = ROLE_BINDING.get(self.role)
        errors = {}
        for field in BINDING_FIELDS:
            is_set = getattr(self, f"{field}_id") is not None
            if field == required and not is_set:
                errors[field] = _("This role must be bound to one.")
            elif field != required and is_set:
                errors[field] = _("This role cannot be bound to one.")
        if errors:
            raise ValidationError(errors)

    @property
    def bound_to(self):
        """The local government, province or ministry this user acts for, if any."""
        field = ROLE_BINDING.get(self.role)
        return getattr(self, field) if field else None
