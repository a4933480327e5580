"""The council's list of a contest's proposals: money totals per row, and the rows for export."""
from django.db.models import Case, IntegerField, OuterRef, QuerySet, Subquery, Sum, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from applications.models import BudgetLine, BudgetSource, Contest, Proposal, ProvincialMatchConfirmation
from core.formats import moment
from ministries.models import SupportLineKind

from .layout import in_round_layout

SORTS = {
    "receipt": "receipt_number", "-receipt": "-receipt_number",
    "title": "title", "-title": "-title",
    "local_government": "lead_local_government__name_ko", "-local_government": "-lead_local_government__name_ko",
    "national": "national_krw", "-national": "-national_krw",
    "updated": "updated_at", "-updated": "-updated_at",
}


def in_receipt_order(proposals: QuerySet[Proposal]) -> QuerySet[Proposal]:
    """Submitted proposals by receipt number, then drafts (which have none) by title."""
    unsubmitted_last = Case(When(receipt_number="", then=Value(1)), default=Value(0), output_field=IntegerField())
    return proposals.order_by(unsubmitted_last, "receipt_number", "title", "pk")


def _source_total(source: str) -> Coalesce:
    totals = (BudgetLine.objects.filter(proposal=OuterRef("pk"), source=source).order_by()
              .values("proposal").annotate(total=Sum("amount_krw")).values("total"))
    return Coalesce(Subquery(totals, output_field=IntegerField()), Value(0))


def contest_proposals(contest: Contest, base: QuerySet[Proposal]) -> QuerySet[Proposal]:
    """``base`` (already limited to what the user may see) within one contest, with budget totals by
    source and the latest provincial confirmation, each a subquery: one query whatever the row count."""
    latest_confirmation = (ProvincialMatchConfirmation.objects.filter(proposal=OuterRef("pk"))
                           .order_by("-confirmed_at", "-pk").values("amount_krw")[:1])
    return (base.filter(contest=contest)
            .annotate(**{f"{source}_krw": _source_total(source) for source in BudgetSource.values},
                      confirmed_provincial_krw=Subquery(latest_confirmation))
            .prefetch_related("partners", "support_requests"))


def ministry_codes_by_line() -> dict[str, str]:
    """Each line's ministry code, by the line's primary key (what a request points at)."""
    return dict(SupportLineKind.objects.values_list("pk", "ministry__code"))


def requested_ministries(proposal: Proposal, lines_to_ministry: dict[int, str]) -> list[str]:
    return sorted({lines_to_ministry[request.line_id] for request in proposal.support_requests.all()})


def label_requested_ministries(proposals) -> None:
    """Give each listed proposal ``ministry_codes`` (from the prefetched requests; one query in all)."""
    lines_to_ministry = ministry_codes_by_line()
    for proposal in proposals:
        proposal.ministry_codes = requested_ministries(proposal, lines_to_ministry)


EXPORT_HEADERS = [
    ("receipt_number", _("Receipt number")), ("status", _("Status")), ("title", _("Title")),
    ("lead", _("Lead local government")), ("province", _("Province")),
    ("partners", _("Partner local governments")), ("national_krw", _("National (KRW)")),
    ("provincial_krw", _("Provincial (KRW)")), ("local_krw", _("Local (KRW)")), ("private_krw", _("Private (KRW)")),
    ("total_krw", _("Total (KRW)")), ("confirmed_provincial_krw", _("Provincial matching confirmed (KRW)")),
    ("ministries", _("Ministry support requested")), ("first_submitted_at", _("First submitted at")),
]


def export_headers() -> list[str]:
    return [str(label) for _key, label in EXPORT_HEADERS]


def export_rows(proposals: QuerySet[Proposal]) -> list[list[object]]:
    """One row per proposal, in the order of ``EXPORT_HEADERS``; money stays integer won; the lead local
    government and its province as on the contest's eligibility date (``layout``)."""
    lines_to_ministry = ministry_codes_by_line()
    rows = []
    for proposal in in_round_layout(proposals, local_government="lead_local_government", partners="partners"):
        submitted = proposal.first_submitted_at
        rows.append([
            proposal.receipt_number, str(proposal.get_status_display()), proposal.title,
            proposal.lead_local_government.as_of.name, proposal.lead_local_government.as_of.province.name,
            ", ".join(str(partner) for partner in proposal.partners.all()),
            proposal.national_krw, proposal.provincial_krw, proposal.local_krw, proposal.private_krw,
            proposal.national_krw + proposal.provincial_krw + proposal.local_krw + proposal.private_krw,
            proposal.confirmed_provincial_krw,
            ", ".join(requested_ministries(proposal, lines_to_ministry)),
            moment(submitted),
        ])
    return rows

