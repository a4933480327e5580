"""Receipt numbers (접수번호) unique across the portal, numbered per year over every contest of that year.

Until now each contest counted its own submissions but prefixed them with the year, so two contests held in
one year (the 2026 pre-selection and the 2026 final round) both issued 2025-0001, 2025-0002, … to different
proposals. Before the unique constraint is added, the duplicates are renumbered the way a council clerk
would accept:

- the number first issued keeps it: of the proposals sharing a number, the one first submitted (then the
  lowest id) is untouched, so a receipt already handed out for the earlier contest stays valid;
- each later holder gets the next free number of that year (after the highest number issued in the year),
  in the order of first submission, so the new numbers follow the order the proposals came in;
- every renumbering is on the proposal's audit trail ("proposal.receipt_renumbered", no actor: the
  migration), with the old and the new number, so a letter or ranking printed with the old number can be
  traced to the proposal. Frozen versions keep the number they were filed with (they are never changed).

Reversing removes the portal-wide constraint and restores the per-contest one; the new numbers stay (they
are unique per contest too).
"""
from django.db import migrations, models
from django.db.models import Q

REASON = ("The receipt number was issued twice in one year (once per contest); the later holder was given the next "
          "free number of the year.")


def _number(receipt: str, prefix: str) -> int:
    tail = receipt[len(prefix):]
    return int(tail) if receipt.startswith(prefix) and tail.isdigit() else 0


def renumber_duplicates(apps, schema_editor):
    Proposal = apps.get_model("applications", "Proposal")
    AuditEntry = apps.get_model("audit", "AuditEntry")
    holders: dict[str, list] = {}
    for proposal in Proposal.objects.exclude(receipt_number="").order_by("first_submitted_at", "pk"):
        holders.setdefault(proposal.receipt_number, []).append(proposal)
    later = sorted((proposal for same in holders.values() for proposal in same[1:]),
                   key=lambda proposal: (proposal.first_submitted_at is None, proposal.first_submitted_at, proposal.pk))
    taken = set(holders)
    for proposal in later:
        old = proposal.receipt_number
        prefix = old.split("-", 1)[0] + "-"
        highest = max(_number(number, prefix) for number in taken)
        new = f"{prefix}{highest + 1:04d}"
        taken.add(new)
        proposal.receipt_number = new
        proposal.save(update_fields=["receipt_number"])
        AuditEntry.objects.create(actor=None, action="proposal.receipt_renumbered",
                                  target_type="applications.proposal", target_id=str(proposal.pk), reason=REASON,
                                  changes={"receipt_number": [old, new]})


class Migration(migrations.Migration):

    dependencies = [
        ("applications", "0012_review_dates_on_stages"),
        ("audit", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(renumber_duplicates, migrations.RunPython.noop),
        migrations.RemoveConstraint(model_name="proposal", name="proposal_unique_receipt_per_contest"),
        migrations.AddConstraint(
            model_name="proposal",
            constraint=models.UniqueConstraint(condition=~Q(receipt_number=""), fields=("receipt_number",),
                                               name="proposal_unique_receipt_number"),
        ),
    ]
