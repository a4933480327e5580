"""Filters of the council's proposal list. Designations are judged on the contest's eligibility date."""
import django_filters
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from ministries.models import Ministry
from regions.models import DesignationKind, Province
from regions.selectors import designations_valid_on, in_province_on, periods_on, provinces_existing_on

from .models import PreliminarySelection, Proposal, ProposalStatus, SupportRequest
from .selectors.listing import SORTS, in_receipt_order

PRELIMINARY = "preliminary"


class ProposalFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Title or local government"), method="filter_text")
    province = django_filters.ModelChoiceFilter(label=_("Province"), method="filter_province",
                                                queryset=Province.objects.order_by("code"),
                                                empty_label=_("All provinces"))
    designation = django_filters.ChoiceFilter(
        label=_("Eligible through"), method="filter_designation", empty_label=_("Any"),
        choices=[*DesignationKind.choices, (PRELIMINARY, _("Preliminary selection"))])
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ProposalStatus.choices,
                                         empty_label=_("All statuses"))
    ministry = django_filters.ModelChoiceFilter(label=_("Support requested from"), method="filter_ministry",
                                                queryset=Ministry.objects.all(), to_field_name="code",
                                                empty_label=_("Any ministry"))
    sort = django_filters.ChoiceFilter(label=_("Sort by"), method="filter_sort", empty_label=_("Receipt number"),
                                       choices=[
                                           ("-updated", _("Last changed")), ("title", _("Title")),
                                           ("local_government", _("Local government")),
                                           ("-national", _("National funding, largest first")),
                                           ("national", _("National funding, smallest first")),
                                       ])

    class Meta:
        model = Proposal
        fields = ["q", "province", "designation", "status", "ministry", "sort"]

    def __init__(self, *args, contest, **kwargs):
        self.contest = contest
        super().__init__(*args, **kwargs)
        # The provinces of the contest's own layout: a 2027 contest offers 전남광주통합특별시, a 2025 one
        # Jeollanam-do and Gwangju.
        self.filters["province"].queryset = provinces_existing_on(contest.eligibility_date)

    @property
    def qs(self):
        queryset = super().qs
        if not self.form.cleaned_data.get("sort"):
            queryset = in_receipt_order(queryset)
        return queryset

    def filter_text(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        # The unit's name as the list shows it, on the contest's eligibility date (a 2025 round's 서구), or today's.
        named_then = periods_on(self.contest.eligibility_date).filter(
            Q(name_ko__icontains=value) | Q(name_en__icontains=value)).values("local_government")
        return queryset.filter(Q(title__icontains=value) | Q(lead_local_government__name_ko__icontains=value)
                               | Q(lead_local_government__name_en__icontains=value)
                               | Q(lead_local_government__in=named_then))

    def filter_province(self, queryset, name, value):
        return queryset.filter(lead_local_government__in=in_province_on(value, self.contest.eligibility_date))

    def filter_designation(self, queryset, name, value):
        if value == PRELIMINARY:
            holders = PreliminarySelection.objects.filter(contest=self.contest,
                                                          local_government=OuterRef("lead_local_government"))
        else:
            holders = designations_valid_on(self.contest.eligibility_date).filter(
                kind=value, local_government=OuterRef("lead_local_government"))
        return queryset.filter(Exists(holders))

    def filter_ministry(self, queryset, name, value):
        return queryset.filter(Exists(SupportRequest.objects.filter(proposal=OuterRef("pk"), line__ministry=value)))

    def filter_sort(self, queryset, name, value):
        return queryset.order_by(SORTS[value], "pk")
