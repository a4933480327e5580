"""Two officials editing one draft. Every save of the draft's text moves ``Proposal.draft_version`` on; a save
made from an older version is merged field by field against what its author started from (a fingerprint
of each field's text when the form was opened):

- a field only the author changed takes the author's text; a field only the other changed keeps the other's;
- a field both changed differently is a conflict: nothing is saved, and ``DraftConflict`` carries the saved
  text and the merged values, so the page shows both texts for the official to merge, and saves on top of
  the current version next time.

``save_section`` is the one door for the form and for autosave (one or more fields at a time).
"""
import hashlib
from collections.abc import Iterable, Mapping
from datetime import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from applications.checklist import SECTION_FIELDS
from applications.models import Proposal
from regions.models import LocalGovernment

from .proposals import SubmissionRefused, lock_editable, update_proposal


class DraftConflict(SubmissionRefused):
    """Saved over a newer version and a field changed on both sides. ``fields``: the conflicting field names;
    ``saved``: every field's current text; ``merged``: the values to show in the form (the author's text in
    conflicting fields, the merge elsewhere); ``version`` and ``fingerprints``: the current draft's, for the
    next save."""

    def __init__(self, *, fields: list[str], saved: dict[str, str], merged: dict[str, str], version: int,
                 fingerprints: dict[str, str]):
        super().__init__(_("Someone saved this draft while you were editing it. Where you both changed the same "
                           "section, both texts are shown: merge them and save again."))
        self.fields, self.saved, self.merged = fields, saved, merged
        self.version, self.fingerprints = version, fingerprints


def fingerprint(text: str | None) -> str:
    """A short digest of a field's text (the form keeps it, not the text)."""
    return hashlib.sha256((text or "").encode()).hexdigest()[:16]


def fingerprints_of(proposal: Proposal) -> dict[str, str]:
    return {name: fingerprint(getattr(proposal, name)) for name in SECTION_FIELDS}


def merge(saved: Mapping[str, str], mine: Mapping[str, str],
          base: Mapping[str, str]) -> tuple[dict[str, str], list[str]]:
    """Three-way merge of texts by field. ``base`` maps a field to the fingerprint its author started from (a
    field missing there counts as changed by the other side). Returns (values to write, conflicting fields)."""
    write, conflicts = {}, []
    for name, text in mine.items():
        current = saved.get(name) or ""
        if (text or "") == current:
            continue
        if fingerprint(current) == base.get(name):  # only the author changed it
            write[name] = text
        elif fingerprint(text) != base.get(name):  # both changed it, differently
            conflicts.append(name)
    return write, conflicts


@transaction.atomic
def save_section(*, actor, proposal: Proposal, values: Mapping[str, str], expected_version: int | None,
                 base: Mapping[str, str] | None = None,
                 partners: Iterable[LocalGovernment] | None = None, now: datetime | None = None) -> Proposal:
    """Save some of the draft's text fields (``values``: field name → text) written from ``expected_version``
    (``None``: no check, the last save wins). ``base``: the fingerprints of the fields when the author started
    (``fingerprints_of``); without it, every field that differs from the saved text is a conflict. Returns
    the saved proposal. Raises ``DraftConflict`` (nothing saved), or ``SubmissionRefused`` when the draft is
    no longer editable at ``now`` (see ``lock_editable``)."""
    locked = lock_editable(proposal, now)
    if expected_version is not None and expected_version != locked.draft_version:
        saved = {name: getattr(locked, name) or "" for name in SECTION_FIELDS}
        write, conflicts = merge(saved, values, base or {})
        if conflicts:
            merged = {**saved, **write, **{name: values[name] for name in conflicts}}
            raise DraftConflict(fields=conflicts, saved=saved, merged=merged, version=locked.draft_version,
                                fingerprints=fingerprints_of(locked))
        values = write
    return update_proposal(actor=actor, proposal=locked, values=dict(values), partners=partners, now=now)
