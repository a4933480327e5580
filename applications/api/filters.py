"""Filters of the proposals API: by contest, status and local government (lead or partner, by any code it
carried: a 2025 round's Gokseong-gun by 46720 as by 12720)."""
import django_filters
from django.db.models import Q

from applications.models import Proposal, ProposalStatus
from core.api.filters import WholeNumberFilter
from regions.selectors import carrying_code


class ProposalApiFilter(django_filters.FilterSet):
    contest = WholeNumberFilter(field_name="contest")
    status = django_filters.ChoiceFilter(choices=ProposalStatus.choices)
    local_government = django_filters.CharFilter(method="filter_local_government",
                                                 help_text="A 5-digit code, current or earlier: proposals it leads "
                                                           "or joins.")
    receipt_number = django_filters.CharFilter()

    class Meta:
        model = Proposal
        fields = ["contest", "status", "local_government", "receipt_number"]

    def filter_local_government(self, queryset, name, value):
        units = carrying_code(value)
        matching = Proposal.objects.filter(Q(lead_local_government__in=units) | Q(partners__in=units))
        return queryset.filter(pk__in=matching.values("pk"))
