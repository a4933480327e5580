"""Old rows typed in NFD (decomposed Hangul, as macOS sends pasted text and file names) are turned into NFC,
the one form the portal has stored since text is normalised where it enters (``core.text``): names, titles
and proposal sections. NFD and NFC look alike and compare unequal, so an old NFD title was missed by a
search typed on Windows. Frozen records (proposal versions, report submissions) keep what was filed.

A row whose normalised value would collide with another's under a unique rule (two contests of one year, two
panels, two milestones of a task named alike in both forms) is left as it is, for the council to resolve.
Not reversible in meaning (which rows were NFD is not kept): migrating back changes nothing."""
import unicodedata

from django.db import IntegrityError, migrations, transaction

# (app, model): the fields people type, by name.
TYPED_TEXT = {
    ("accounts", "User"): ["first_name", "last_name"],
    ("applications", "Contest"): ["name_ko", "name_en"],
    ("applications", "PreliminarySelection"): ["programme", "task_title"],
    ("applications", "Proposal"): ["title", "summary", "specialty_resource", "industry", "extinction_strategy",
                                   "support_programme"],
    ("applications", "ParticipatingCompany"): ["name"],
    ("applications", "SupportRequest"): ["project_name", "description"],
    ("applications", "ProposalAttachment"): ["original_name"],
    ("applications", "ContestAttachment"): ["title", "original_name"],
    ("reviews", "Reviewer"): ["affiliation"],
    ("reviews", "Panel"): ["name"],
    ("tracking", "SelectedTask"): ["title"],
    ("tracking", "Milestone"): ["title"],
    ("tracking", "PlanInclusion"): ["plan_title"],
    ("tracking", "Recruitment"): ["title"],
    ("tracking", "CompanyApplication"): ["company_name"],
    ("tracking", "ProgressReport"): ["narrative"],
    ("tracking", "ReportAttachment"): ["original_name"],
}
BATCH = 500


def nfc_changes(row, fields: list[str]) -> dict[str, str]:
    """The fields of ``row`` whose value is not in NFC, with their NFC value."""
    changes = {}
    for name in fields:
        value = getattr(row, name)
        if value and not unicodedata.is_normalized("NFC", value):
            changes[name] = unicodedata.normalize("NFC", value)
    return changes


def save_changes(model, changed: list[tuple[int, dict[str, str]]]) -> None:
    """Write each row's changes; a row that would break a unique rule is left as it was."""
    for pk, changes in changed:
        try:
            with transaction.atomic():
                model._base_manager.filter(pk=pk).update(**changes)
        except IntegrityError:
            pass


def normalise(apps, schema_editor):
    for (app, name), fields in TYPED_TEXT.items():
        model = apps.get_model(app, name)
        # A field a later migration of its app has moved away (a support request's project_name, now one of its
        # values, normalised where applications 0009 moves it) is not there to clean, whichever runs first.
        fields = [field for field in fields if field in {known.name for known in model._meta.get_fields()}]
        changed = []
        for row in model._base_manager.only("pk", *fields).order_by("pk").iterator(chunk_size=BATCH):
            changes = nfc_changes(row, fields)
            if changes:
                changed.append((row.pk, changes))
        save_changes(model, changed)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_initial"),
        ("applications", "0007_contest_preselection"),
        ("reviews", "0003_panel_accepts_late_sheets"),
        ("tracking", "0005_continuation"),
    ]

    operations = [migrations.RunPython(normalise, migrations.RunPython.noop, elidable=True)]
