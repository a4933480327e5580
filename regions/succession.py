"""Designations of reorganised units: which still wait for the council's decision, and recording one.

A designation never follows a reorganisation by itself. Where its holder was abolished or split, the
registry shows "successor undecided" until the council records, with its source, that the designation is
carried to a successor from a date (a new designation is created, citing the decision) or that it ends.
"""
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Min
from django.utils import translation
from django.utils.translation import gettext as _

from audit.services import record

from .models import Designation, DesignationSuccession, LocalGovernment, Succession


class DecisionRefused(Exception):
    """The decision cannot be recorded; the message says why (shown next to the form)."""


@dataclass(frozen=True)
class UndecidedDesignation:
    """A designation whose holder was reorganised on ``reorganised_on`` into ``successors``."""

    designation: Designation
    reorganised_on: date
    successors: list[LocalGovernment]


def designations_awaiting_successor(*, local_government: LocalGovernment | None = None
                                    ) -> list[UndecidedDesignation]:
    """Designations in force on the day before their holder was abolished or split, with no decision
    recorded: the registry's "successor undecided" flags (a few rows; three queries)."""
    links = Succession.objects.select_related("predecessor", "successor").order_by("successor__code")
    if local_government is not None:
        links = links.filter(predecessor=local_government)
    by_predecessor: dict[int, list[Succession]] = {}
    for link in links:
        by_predecessor.setdefault(link.predecessor_id, []).append(link)
    if not by_predecessor:
        return []
    candidates = (Designation.objects.filter(local_government_id__in=by_predecessor)
                  .exclude(succession_decisions__isnull=False).select_related("local_government__province"))
    rows = []
    for designation in candidates:
        chain = by_predecessor[designation.local_government_id]
        day = chain[0].effective_on
        if designation.is_valid_on(day - timedelta(days=1)):
            rows.append(UndecidedDesignation(designation, day, [link.successor for link in chain]))
    return rows


def undecided_designation_ids() -> set[int]:
    """The ids of ``designations_awaiting_successor``, in one query (for flags on a list page)."""
    rows = (Designation.objects.filter(local_government__successions__isnull=False,
                                       succession_decisions__isnull=True)
            .annotate(reorganised_on=Min("local_government__successions__effective_on")))
    return {row.pk for row in rows if row.is_valid_on(row.reorganised_on - timedelta(days=1))}


@transaction.atomic
def decide_designation_successor(*, actor, designation: Designation, outcome: str, effective_on: date,
                                 source: str, reason: str = "",
                                 successor: LocalGovernment | None = None) -> DesignationSuccession:
    """Record the council's decision on ``designation`` of a reorganised unit.

    ``outcome`` "carry": a new designation of the same kind for ``successor`` (one of the unit's successors)
    from ``effective_on``, citing ``source``; "end": the designation ends the day before ``effective_on``.
    Either way the old holder's designation stops at the reorganisation at the latest. Raises
    ``DecisionRefused`` (nothing written) when the source is missing, the successor is not one, the date
    is before the reorganisation, or the same decision was already recorded. Audited.
    """
    designation = Designation.objects.select_for_update().select_related("local_government").get(pk=designation.pk)
    source = (source or "").strip()
    if not source:
        raise DecisionRefused(_("Name the source of the decision (notice, minutes or letter)."))
    links = {link.successor_id: link for link in Succession.objects.filter(predecessor=designation.local_government)}
    if not links:
        raise DecisionRefused(_("%(name)s was not reorganised.") % {"name": designation.local_government.name})
    reorganised_on = next(iter(links.values())).effective_on
    if effective_on < reorganised_on:
        raise DecisionRefused(_("The decision cannot take effect before the reorganisation (%(date)s).")
                              % {"date": reorganised_on.isoformat()})
    carried = None
    if outcome == DesignationSuccession.Outcome.CARRY:
        if successor is None or successor.pk not in links:
            raise DecisionRefused(_("Choose one of the successors of %(name)s.")
                                  % {"name": designation.local_government.name})
        if DesignationSuccession.objects.filter(designation=designation, successor=successor).exists():
            raise DecisionRefused(_("This designation has already been carried to %(name)s.")
                                  % {"name": successor.name})
        texts = {}
        for language in ("ko", "en"):  # written in both languages, shown in the reader's (Designation)
            with translation.override(language):
                texts[f"source_{language}"] = (_("Council decision: %(source)s") % {"source": source})[:300]
                texts[f"note_{language}"] = _(
                    "Carried from %(name)s (%(code)s) after the reorganisation of %(date)s.") % {
                    "name": designation.local_government.name, "code": designation.local_government.code,
                    "date": reorganised_on.isoformat()}
        carried = Designation.objects.create(
            local_government=successor, kind=designation.kind, valid_from=effective_on,
            valid_to=designation.valid_to if designation.valid_to and designation.valid_to >= effective_on else None,
            source=(_("Council decision: %(source)s") % {"source": source})[:300],
            note=_("Carried from %(name)s (%(code)s) after the reorganisation of %(date)s.") % {
                "name": designation.local_government.name_ko, "code": designation.local_government.code,
                "date": reorganised_on.isoformat()}, **texts)
    elif outcome == DesignationSuccession.Outcome.END:
        successor = None
        if designation.succession_decisions.filter(outcome=DesignationSuccession.Outcome.END).exists():
            raise DecisionRefused(_("This designation has already been ended."))
    else:
        raise DecisionRefused(_("Unknown decision."))
    end = (effective_on if outcome == DesignationSuccession.Outcome.END else reorganised_on) - timedelta(days=1)
    if designation.valid_to is None or designation.valid_to > end:
        designation.valid_to = max(end, designation.valid_from)
        designation.save(update_fields=["valid_to"])
    decision = DesignationSuccession.objects.create(
        designation=designation, outcome=outcome, successor=successor, effective_on=effective_on,
        source=source[:300], reason=reason, carried_designation=carried, decided_by=actor)
    record(actor=actor, action="regions.designation_succession_decided", target=designation, reason=reason,
           changes={"outcome": outcome, "successor": successor.code if successor else None,
                    "effective_on": effective_on.isoformat(), "source": source,
                    "carried_designation": carried.pk if carried else None})
    return decision
