"""Places where the apps built on applications (reviews, selection, tracking) add to what a proposal shows.

applications sits below reviews, selection and tracking and imports none of them (``tests/test_layering.py``).
Where a proposal's page, list or API answer shows something those apps own (a reviewer's access, the published
result, a ministry's access to the proposals of the tasks it supports), the owning app registers a function
here from its ``AppConfig.ready``; with nothing registered (a portal without that app) the proposal simply
shows none of it.
"""
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Q, QuerySet, Value


@dataclass(frozen=True)
class ProposalOutcomes:
    """How the published result of a proposal is read.

    ``annotate(proposals)`` adds ``published_outcome`` (an outcome value or None) in one subquery;
    ``page_context(user, proposal)`` gives the detail page's variables (``selection_decision`` and what the
    user may do with it); ``api_result(request, proposal, context)`` gives the API's ``result`` (a dict, or
    None where the user may not see one).
    """

    annotate: Callable[[QuerySet], QuerySet]
    page_context: Callable[[object, object], dict]
    api_result: Callable[[object, object, dict], dict | None]


_outcomes: list[ProposalOutcomes] = []
_reviewer_access: dict[str, Callable[[object, QuerySet], QuerySet]] = {}
_decided_contests: list[Callable[[], QuerySet]] = []
_ministry_access: list[Callable[[object, QuerySet], QuerySet]] = []


def register_outcomes(outcomes: ProposalOutcomes) -> None:
    """Install the one source of published results (selection's ``AppConfig.ready``); a second call replaces
    the first, so a reloaded app does not register twice."""
    _outcomes[:] = [outcomes]


def register_reviewer_access(visible: Callable[[object, QuerySet], QuerySet], *, source: str) -> None:
    """Install one way a reviewer comes to read a proposal (``visible(user, proposals) -> proposals``): reviews
    registers his confirmed assignments, selection the re-reviews of an objection he is asked for. He reads a
    proposal any of them grants; a second call for one ``source`` replaces the first (a reloaded app)."""
    _reviewer_access[source] = visible


def register_decided_contests(decided: Callable[[], QuerySet]) -> None:
    """Install how the contests whose selection is decided are found (``decided() -> a queryset of contest
    ids``, one subquery), from selection."""
    _decided_contests[:] = [decided]


def decided_contest_ids() -> QuerySet | list:
    """The ids of the contests whose selection the council has decided (a subquery; none when no app decides):
    past that, a proposal's provincial matching is no longer asked for."""
    return _decided_contests[0]() if _decided_contests else []


def with_published_outcome(proposals: QuerySet) -> QuerySet:
    """``proposals`` with ``published_outcome`` (None everywhere when no app publishes results)."""
    if _outcomes:
        return _outcomes[0].annotate(proposals)
    return proposals.annotate(published_outcome=Value(None))


def attach_published_outcome(proposals: list) -> list:
    """A page of proposals already read, each given ``published_outcome`` in one more query over those rows only.

    A list's page is ``OFFSET n LIMIT 50``: annotating the list's own queryset makes the database work the
    outcome out for every row before the page too (2,450 of them on the last page of 2,500), so lists read
    the page plain and ask for the outcomes of its rows here."""
    if not proposals:
        return proposals
    model = type(proposals[0])
    outcomes = dict(with_published_outcome(model.objects.filter(pk__in=[proposal.pk for proposal in proposals]))
                    .values_list("pk", "published_outcome"))
    for proposal in proposals:
        proposal.published_outcome = outcomes.get(proposal.pk)
    return proposals


def outcome_page_context(user, proposal) -> dict:
    """The detail page's result variables for ``user`` (empty when no app publishes results)."""
    return _outcomes[0].page_context(user, proposal) if _outcomes else {}


def outcome_api_result(request, proposal, context: dict) -> dict | None:
    """The API's ``result`` for the caller, or None."""
    return _outcomes[0].api_result(request, proposal, context) if _outcomes else None


def proposals_for_reviewer(user, proposals: QuerySet) -> QuerySet:
    """The proposals a reviewer may read: those any registered source grants him (none when no app grants any),
    in one query (each source a subquery)."""
    if not _reviewer_access:
        return proposals.none()
    granted = Q()
    for visible in _reviewer_access.values():
        granted |= Q(pk__in=visible(user, proposals.model.objects.all()).values("pk"))
    return proposals.filter(granted)


def register_ministry_access(visible: Callable[[object, QuerySet], QuerySet]) -> None:
    """Install how a ministry officer's proposals are found (``visible(user, proposals) -> proposals``), from
    tracking: the proposals of the selected tasks his ministry supports."""
    _ministry_access[:] = [visible]


def proposals_for_ministry(user, proposals: QuerySet) -> QuerySet:
    """The proposals a ministry officer may read (none when no tracking app is installed)."""
    return _ministry_access[0](user, proposals) if _ministry_access else proposals.none()
