"""Management commands are one more door (README, "Every state change records who, when and why"): each command
that changes the portal's state writes an audit entry naming the command, who ran it, why and what it did; the
walk below finds every command of the portal's apps and holds each to it (or to saying it only reads)."""
import importlib
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command, find_commands

from accounts.roles import Role
from audit.commands import AuditedCommand
from audit.models import AuditEntry
from regions.models import Designation, DesignationImport, Province
from regions.services import DATA_DIR
from tests.factories import make_user

pytestmark = pytest.mark.usefixtures("registry")

PORTAL_APPS = ("core", "audit", "outbox", "accounts", "regions", "notifications", "ministries", "applications",
               "reviews", "selection", "tracking", "portal")


def runs(command: str):
    return AuditEntry.objects.filter(action="command.ran", changes__command=command)


def test_every_command_that_changes_state_is_audited_and_the_others_say_they_only_read():
    audited, reading, unsaid = [], [], []
    for label in PORTAL_APPS:
        config = apps.get_app_config(label)
        for name in find_commands(str(Path(config.path) / "management")):
            command = importlib.import_module(f"{config.name}.management.commands.{name}").Command
            if issubclass(command, AuditedCommand):
                audited.append(name)
            elif getattr(command, "changes_state", True) is False:
                reading.append(name)
            else:
                unsaid.append(name)
    assert unsaid == []
    assert {"load_regions", "import_rural_agreement", "seed_demo", "seed_scale", "restore_portal",
            "pending_work"} <= set(audited)
    assert sorted(reading) == ["backup_portal", "healthcheck"]


def test_a_registry_load_that_changed_rows_is_in_the_trail_and_one_that_found_nothing_is_not():
    call_command("load_regions")
    assert not runs("load_regions").exists()  # every container start runs it: up to date, nothing to record
    administrator = make_user(Role.ADMINISTRATOR)
    Province.objects.filter(code="48").update(name_en="Gyeongnam (typo)")
    call_command("load_regions", reason="배포 후 행정구역 갱신", user=administrator.username)
    entry = runs("load_regions").get()
    assert (entry.actor, entry.reason, entry.target_type, entry.target_id) == (
        administrator, "배포 후 행정구역 갱신", "command", "load_regions")
    assert entry.changes["door"] == "command" and entry.changes["outcome"]["Province"] == {"created": 0,
                                                                                          "updated": 1}
    assert "operator" in entry.changes


def test_an_import_by_command_names_the_import_the_person_and_the_reason(capsys):
    clerk = make_user(Role.COUNCIL_STAFF)
    call_command("import_rural_agreement", str(DATA_DIR / "rural_agreement_2021_2024.csv"),
                 reason="농림부 2024 공문", user=clerk.username)
    imported = DesignationImport.objects.get()
    entry = runs("import_rural_agreement").get()
    assert (entry.target_type, entry.target_id) == ("regions.designationimport", str(imported.pk))
    assert (entry.actor, entry.reason, imported.reason, imported.imported_by) == (
        clerk, "농림부 2024 공문", "농림부 2024 공문", clerk)
    assert entry.changes["outcome"]["rows_created"] == imported.rows_created > 0


def test_a_run_without_a_reason_records_the_commands_own_in_korean_and_an_unknown_user_changes_nothing():
    before = Designation.objects.count()
    with pytest.raises(CommandError, match="No such user"):
        call_command("import_rural_agreement", str(DATA_DIR / "rural_agreement_2021_2024.csv"), user="nobody")
    assert Designation.objects.count() == before and not runs("import_rural_agreement").exists()
    call_command("import_rural_agreement", str(DATA_DIR / "rural_agreement_2021_2024.csv"))
    entry = runs("import_rural_agreement").get()
    assert entry.actor is None and entry.reason == DesignationImport.objects.get().reason == "명령줄에서 등록"


def test_a_sweep_by_hand_is_in_the_trail_and_a_listing_is_not():
    call_command("pending_work")
    assert not runs("pending_work").exists()
    call_command("pending_work", "--sweep", reason="워커 재기동 후")
    entry = runs("pending_work").get()
    assert entry.reason == "워커 재기동 후"
    assert entry.changes["outcome"] == {"handed_over": 0, "not_handed_over": 0, "forgotten": 0}


# A command's change and its entry are one transaction (audit/commands.py): the kind is every command that
# changes state, each made to fail on either side of its entry.

def test_every_state_changing_command_writes_its_entry_in_the_changes_transaction_but_the_restore():
    for label in PORTAL_APPS:
        config = apps.get_app_config(label)
        for name in find_commands(str(Path(config.path) / "management")):
            command = importlib.import_module(f"{config.name}.management.commands.{name}").Command
            if issubclass(command, AuditedCommand):
                assert command.entry_in_transaction is (name != "restore_portal"), name


def _old_done_work():
    from datetime import timedelta

    from django.utils import timezone

    from outbox.models import PendingWork

    return PendingWork.objects.create(key="done-long-ago", task="outbox.tasks.task_sweep_pending_work",
                                      done_at=timezone.now() - timedelta(days=400))


def _changing_runs():
    """Each state-changing command with what it changes: (arguments, prepare, the change as a reading)."""
    from outbox.models import PendingWork

    return {
        "load_regions": ((), lambda: Province.objects.filter(code="48").update(name_en="Gyeongnam (typo)"),
                         lambda: Province.objects.get(code="48").name_en),
        "import_rural_agreement": ((str(DATA_DIR / "rural_agreement_2021_2024.csv"),), lambda: None,
                                   lambda: (Designation.objects.count(), DesignationImport.objects.count())),
        "pending_work": (("--sweep",), _old_done_work, lambda: PendingWork.objects.count()),
    }


class EntryRefused(Exception):
    pass


@pytest.mark.parametrize("command", ["load_regions", "import_rural_agreement", "pending_work"])
@pytest.mark.parametrize("when", ["entry not written", "fails after the entry"])
def test_a_run_whose_entry_fails_or_that_fails_after_it_leaves_neither_change_nor_entry(monkeypatch, command, when):
    from audit import commands

    arguments, prepare, reading = _changing_runs()[command]
    prepare()
    before = reading()
    real = commands.record_command

    def failing(**kwargs):
        if when == "fails after the entry":
            real(**kwargs)
            assert runs(command).exists()  # written, in the run's transaction
        raise EntryRefused(when)

    monkeypatch.setattr(commands, "record_command", failing)
    with pytest.raises(EntryRefused):
        call_command(command, *arguments, reason="시험")
    assert reading() == before and not runs(command).exists()
    monkeypatch.setattr(commands, "record_command", real)
    call_command(command, *arguments, reason="시험")  # the same run, its entry written: the change stays
    assert reading() != before and runs(command).count() == 1


def test_a_change_that_fails_leaves_no_entry(tmp_path):
    refused = tmp_path / "bad.csv"
    refused.write_text("selection_year,province_ko,name_ko\n2024,없는도,없는군\n", encoding="utf-8")
    before = Designation.objects.count()
    with pytest.raises(CommandError):
        call_command("import_rural_agreement", str(refused), reason="시험")
    assert not runs("import_rural_agreement").exists() and Designation.objects.count() == before
