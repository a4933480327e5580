"""What the council fills in to run a review: panels, proposals, assignments, deadlines, slots, reopening."""
from django import forms
from django.contrib.auth import get_user_model
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext_lazy as _

from accounts.roles import Role
from applications.forms.contests import DATETIME
from applications.models import Proposal, SlotLocation
from applications.selectors import contest_stages, stage_of
from applications.selectors.layout import in_round_layout
from core.fields import BoundedModelForm, PlausibleDateTimeField
from reviews.models import Panel, Reviewer
from reviews.services.assignment import AssignmentRefused
from reviews.services.panels import check_chair, check_slot_place, check_slot_times


class ReviewerChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, reviewer):
        return f"{reviewer} · {reviewer.fields}" if reviewer.fields else str(reviewer)


class InRoundLayoutChoices(ModelChoiceIterator):
    """The proposals offered, each lead local government named in its round's layout (issue 20: a 2025 round's
    Incheon Seo-gu is 인천광역시 서구 there, not 서해구). A fixed number of queries however many are offered."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for proposal in in_round_layout(self.queryset.select_related("contest"),
                                        local_government="lead_local_government"):
            yield self.choice(proposal)


class ProposalChoiceField(forms.ModelChoiceField):
    iterator = InRoundLayoutChoices

    def label_from_instance(self, proposal):
        return f"{proposal.receipt_number} · {proposal.lead_local_government} · {proposal.title}"


class ProposalsChoiceField(forms.ModelMultipleChoiceField):
    iterator = InRoundLayoutChoices
    label_from_instance = ProposalChoiceField.label_from_instance


def proposals_of_panel(panel: Panel):
    return (Proposal.objects.filter(panelproposal__panel=panel).select_related("lead_local_government__province")
            .order_by("receipt_number"))


def _check(form: forms.Form, field: str, check, *values) -> None:
    """Ask the service's rule and put its refusal next to ``field``, so the form and the service say it once."""
    try:
        check(*values)
    except AssignmentRefused as error:
        form.add_error(field, str(error))


class PanelMembersForm(forms.Form):
    """A panel's members and chair (the chair one of them); changed on their own after the panel exists."""

    members = ReviewerChoiceField(label=_("Members"), queryset=Reviewer.objects.none(), required=False,
                                  widget=forms.CheckboxSelectMultiple)
    chair = forms.ModelChoiceField(label=_("Chair"), queryset=Reviewer.objects.none(), required=False,
                                   help_text=_("Signs the panel's results off; must be a member."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        pool = Reviewer.objects.select_related("user").order_by("user__last_name", "user__first_name", "pk")
        self.fields["members"].queryset = pool
        self.fields["chair"].queryset = pool

    def clean(self):
        cleaned = super().clean()
        chair, members = cleaned.get("chair"), cleaned.get("members")
        if members is not None:
            _check(self, "chair", check_chair, chair, members)
        return cleaned


class PanelForm(PanelMembersForm):
    stage = forms.ChoiceField(label=_("Stage"), choices=())
    name = forms.CharField(label=_("Name"), max_length=100, help_text=_("For example 제1분과 (서면평가)."))
    reviewers_per_proposal = forms.IntegerField(label=_("Reviewers per proposal"), min_value=1, max_value=20,
                                                initial=5)
    members = ReviewerChoiceField(label=_("Members"), queryset=Reviewer.objects.none(),
                                  widget=forms.CheckboxSelectMultiple)
    field_order = ["stage", "name", "reviewers_per_proposal", "members", "chair"]

    def __init__(self, *args, contest, **kwargs):
        super().__init__(*args, **kwargs)
        self.contest = contest
        self.fields["stage"].choices = [(stage.code, stage.name) for stage in contest_stages(contest)]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("stage") and cleaned.get("name") and Panel.objects.filter(
                contest=self.contest, stage=cleaned["stage"], name=cleaned["name"]).exists():
            self.add_error("name", _("This contest already has a panel of that name for that stage."))
        return cleaned


class AddProposalsForm(forms.Form):
    proposals = ProposalsChoiceField(label=_("Proposals"), queryset=Proposal.objects.none(),
                                     widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, awaiting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposals"].queryset = awaiting


class ManualAssignForm(forms.Form):
    proposal = ProposalChoiceField(label=_("Proposal"), queryset=Proposal.objects.none())
    reviewer = forms.ModelChoiceField(label=_("Reviewer"), queryset=Reviewer.objects.none())

    def __init__(self, *args, panel: Panel, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposal"].queryset = proposals_of_panel(panel)
        self.fields["reviewer"].queryset = panel.members.select_related("user").order_by("pk")


class DeadlineForm(forms.Form):
    due_at = PlausibleDateTimeField(label=_("Scoring deadline"), widget=DATETIME,
                                    help_text=_("Applies to every active assignment of the panel."))
    accepts_late_sheets = forms.BooleanField(
        label=_("Accept sheets submitted after the deadline"), required=False, initial=True,
        help_text=_("Unticked, a reviewer can no longer submit once the deadline has passed."))


class PresentationSlotForm(forms.Form):
    proposal = ProposalChoiceField(label=_("Proposal"), queryset=Proposal.objects.none())
    starts_at = PlausibleDateTimeField(label=_("Starts at"), widget=DATETIME)
    ends_at = PlausibleDateTimeField(label=_("Ends at"), widget=DATETIME)
    room = forms.CharField(label=_("Room"), max_length=200, required=False)
    online_link = forms.URLField(label=_("Online link"), required=False, assume_scheme="https")
    place = forms.CharField(label=_("Place"), max_length=300, required=False,
                            help_text=_("The address the panel visits."))

    def __init__(self, *args, panel: Panel, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposal"].queryset = proposals_of_panel(panel)
        stage = stage_of(panel.contest, panel.stage)
        self.at_place = stage is not None and stage.slot_location == SlotLocation.PLACE
        for name in (("room", "online_link") if self.at_place else ("place",)):
            del self.fields[name]

    def clean(self):
        cleaned = super().clean()
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and ends_at:
            _check(self, "ends_at", check_slot_times, starts_at, ends_at)
        if "online_link" not in self.errors:
            _check(self, "place" if self.at_place else "room", check_slot_place, cleaned.get("room") or "",
                   cleaned.get("online_link") or "", (cleaned.get("place") or "") if self.at_place else None)
        return cleaned


class ReopenForm(forms.Form):
    reason = forms.CharField(label=_("Why is the sheet reopened?"), widget=forms.Textarea(attrs={"rows": 2}))


class ReviewerProfileForm(BoundedModelForm):
    """Puts a reviewer account (created by the administrator, as every account) into the pool with what
    decides its conflicts."""

    affiliation_registration_number = forms.CharField(
        label=Reviewer._meta.get_field("affiliation_registration_number").verbose_name, max_length=14,
        required=False, help_text=Reviewer._meta.get_field("affiliation_registration_number").help_text)

    class Meta:
        model = Reviewer
        fields = ["user", "affiliation", "affiliation_registration_number", "home_local_government",
                  "home_province", "fields", "is_external"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = (get_user_model().objects.filter(role=Role.REVIEWER, is_active=True,
                                                                         reviewer_profile__isnull=True)
                                        .order_by("last_name", "first_name", "username"))
        self.fields["home_local_government"].queryset = (self.fields["home_local_government"].queryset
                                                         .select_related("province").order_by("code"))

    def clean_affiliation_registration_number(self) -> str:
        typed = self.cleaned_data["affiliation_registration_number"]
        value = "".join(ch for ch in typed if ch.isascii() and ch.isdigit())
        if value and len(value) != 10:
            raise forms.ValidationError(_("A business registration number has 10 digits."))
        return value
