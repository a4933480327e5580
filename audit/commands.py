"""Management commands are one more door: a command that changes the portal's state subclasses
:class:`AuditedCommand`, so each run that changed something is an audit entry (``command.ran``) naming the
command as the door, who ran it (``--user``, and the operating-system account), when, why (``--reason``, or the
command's own ``default_reason``) and what it did. A command that only reads says so with
``changes_state = False``.

The entry is written in the transaction of the change: the command's ``handle`` and its entry commit together
or not at all (a change that fails leaves no entry; an entry that cannot be written undoes the change).
``restore_portal`` is the one exception (``entry_in_transaction = False``): ``pg_restore`` replaces the tables
from another process, in its own transaction, which the portal's connection must not hold open against it."""
import getpass
from contextlib import AbstractContextManager, nullcontext
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import models, transaction
from django.utils import translation

from .services import record_command


def operator() -> str:
    """The operating-system account that runs the command ("" where none can be told)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


class AuditedCommand(BaseCommand):
    """A command whose run is an audit entry. ``handle`` sets ``self.outcome`` (what it did, JSON-able; None
    when the run found nothing to change) and, when the run made one record, ``self.audit_target``;
    ``ran_changes`` says whether these options change anything at all (``pending_work`` without ``--sweep``
    only lists). A run that fails writes no entry: the commands' writes are all or nothing."""

    default_reason: Any = ""  # why, when the operator gives no --reason (lazily translated)
    entry_in_transaction = True  # the change and its entry in one transaction (see the module's docstring)

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.add_argument("--reason", default="", help="Why this is run (kept in the audit trail).")
        parser.add_argument("--user", help="Username of the person running it (kept in the audit trail).")
        return parser

    def ran_changes(self, options: dict[str, Any]) -> bool:
        return True

    def surroundings(self, options: dict[str, Any]) -> AbstractContextManager:
        """What the whole run, its commit included, runs inside: the seeds keep the e-mails that their commit
        sends (on-commit notifications) off the console."""
        return nullcontext()

    def execute(self, *args, **options):
        actor = None
        if options.get("user"):
            actor = get_user_model().objects.filter(username=options["user"]).first()
            if actor is None:
                raise CommandError(f"No such user: {options['user']}")
        self.actor, self.outcome, self.audit_target = actor, {}, None
        with self.surroundings(options), \
                transaction.atomic() if self.entry_in_transaction else nullcontext():
            output = super().execute(*args, **options)
            if self.ran_changes(options) and self.outcome is not None:
                self.record_run(options)
        return output

    def reason(self, options: dict[str, Any]) -> str:
        """The operator's ``--reason``, else the command's own, in the portal's language."""
        with translation.override(settings.LANGUAGE_CODE):
            return options.get("reason") or str(self.default_reason)

    def record_run(self, options: dict[str, Any]) -> None:
        # the user read again: a restore has replaced the accounts since the run began
        actor = get_user_model().objects.filter(username=options["user"]).first() if self.actor else None
        target = self.audit_target if isinstance(self.audit_target, models.Model) else None
        record_command(command=self.__module__.rsplit(".", 1)[-1], actor=actor, reason=self.reason(options),
                       target=target, changes={"operator": operator(), "outcome": self.outcome})
