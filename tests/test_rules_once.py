"""Each rule is written once (issue 26).

A refusal's message lives where its rule lives (a predicate in an app's ``permissions.py``, a state table,
or the one service that checks it); the page, the API and the service ask that place instead of restating
it, so the two cannot drift. And a workflow state is named through its enum, never as a bare string, so
renaming a state cannot leave a comparison behind that silently never matches.

Both checks read the apps' source (migrations aside) with ``ast``: no hand-kept list to fall out of date.
"""
import ast
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from django.apps import apps

ROOT = Path(__file__).resolve().parent.parent
APPS = ("core", "accounts", "audit", "outbox", "regions", "ministries", "notifications", "applications",
        "reviews", "selection", "tracking", "portal")
GETTEXT = {"_", "gettext", "gettext_lazy", "ngettext", "ngettext_lazy"}
REFUSING_CALLS = {"deny", "Decision", "PermissionDenied", "ValidationError", "add_error"}
STATE_WORDS = ("status", "outcome", "role")  # a choice field so named holds a workflow state


def _sources() -> Iterator[tuple[str, ast.Module]]:
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield str(path.relative_to(ROOT)), ast.parse(path.read_text(encoding="utf-8"))


def _name(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _msgids(node: ast.AST) -> Iterator[str]:
    """The literal gettext msgids written anywhere inside ``node``."""
    for call in ast.walk(node):
        if (isinstance(call, ast.Call) and _name(call.func) in GETTEXT and call.args
                and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str)):
            yield call.args[0].value


def _refusals(tree: ast.Module) -> Iterator[str]:
    """Messages this module refuses with: raised, denied, or given as a validation error."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and node.exc is not None:
            yield from _msgids(node.exc)
        elif isinstance(node, ast.Call) and _name(node.func) in REFUSING_CALLS:
            for argument in [*node.args, *(keyword.value for keyword in node.keywords)]:
                yield from _msgids(argument)


def written_refusals(sources) -> dict[str, list[str]]:
    """Every refusal message with each place its literal is written (file:line), wherever it is written."""
    refusals: set[str] = set()
    places: dict[str, list[str]] = defaultdict(list)
    for path, tree in sources:
        refusals.update(_refusals(tree))
        for call in ast.walk(tree):
            for msgid in _msgids(call) if isinstance(call, ast.Call) and _name(call.func) in GETTEXT else ():
                places[msgid].append(f"{path}:{call.lineno}")
    return {msgid: places[msgid] for msgid in refusals}


def test_each_refusal_message_is_written_once():
    twice = {msgid: where for msgid, where in written_refusals(_sources()).items() if len(where) > 1}
    assert not twice, "A refusal written in more than one place; ask the one predicate or rule instead:\n" + "\n".join(
        f"  {msgid!r}: {', '.join(where)}" for msgid, where in sorted(twice.items()))


def test_the_check_sees_a_refusal_restated_in_a_service():
    predicate = ast.parse('def can(u, p):\n    return deny(_("Only a submitted proposal."))\n')
    service = ast.parse('def act(p):\n    if p:\n        raise Refused(_("Only a submitted proposal."))\n')
    assert written_refusals([("permissions.py", predicate), ("services.py", service)]) == {
        "Only a submitted proposal.": ["permissions.py:2", "services.py:3"]}


def status_values() -> dict[str, set[str]]:
    """Each workflow field's name (``status``, ``outcome``, ``role`` ...) with its enum's values, read from the
    apps' models: a field whose choices come from a ``TextChoices`` and whose name says it is a state."""
    fields: dict[str, set[str]] = defaultdict(set)
    for model in apps.get_models():
        if model._meta.app_label not in APPS:
            continue
        for field in model._meta.concrete_fields:
            if field.choices and any(word in field.name for word in STATE_WORDS):
                fields[field.name].update(str(value) for value, _label in field.flatchoices)
    return fields


def _literals(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return [value for element in node.elts for value in _literals(element)]
    return []


def _states_named(field: str, values: dict[str, set[str]]) -> set[str]:
    """The enum values a name such as ``status``, ``proposal__status__in`` or ``computed_outcome`` compares to."""
    named: set[str] = set()
    for part in field.split("__"):
        for name, states in values.items():
            if part == name or (part.endswith(name) and any(word in part for word in STATE_WORDS)):
                named |= states
    return named


def literal_states(sources, values: dict[str, set[str]]) -> list[str]:
    """Places where a state is compared or filtered on as a bare string (file:line and the string)."""
    every_state = set().union(*values.values()) if values else set()
    found = []
    for path, tree in sources:
        for node in ast.walk(tree):
            if isinstance(node, ast.Compare):
                sides = [node.left, *node.comparators]
                named = set().union(*(_states_named(_name(side) or _subscript_key(side), values) for side in sides))
                for side in sides:
                    for value in _literals(side):
                        if value in named or (not named and value in every_state and _about_state(sides)):
                            found.append(f"{path}:{node.lineno} {value!r}")
            elif isinstance(node, ast.Assign) and any(word in _name(target).lower()
                                                      for target in node.targets for word in STATE_WORDS):
                found += [f"{path}:{node.lineno} {value!r}" for value in _literals(node.value) if value in every_state]
            elif isinstance(node, ast.Call):
                for keyword in node.keywords:
                    if keyword.arg:
                        found += [f"{path}:{node.lineno} {value!r}" for value in _literals(keyword.value)
                                  if value in _states_named(keyword.arg, values)]
    return sorted(found)


def _subscript_key(node: ast.AST) -> str:
    """``row["status"]`` and ``data.get("status")`` name the field ``status``."""
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
        return str(node.slice.value)
    if isinstance(node, ast.Call) and _name(node.func) == "get" and node.args:
        key = node.args[0]
        return str(key.value) if isinstance(key, ast.Constant) else ""
    return ""


def _about_state(sides: list[ast.AST]) -> bool:
    return any(any(word in ast.unparse(side) for word in STATE_WORDS) for side in sides)


def test_states_are_named_through_their_enums():
    found = literal_states(_sources(), status_values())
    assert not found, "A state written as a string; use its TextChoices member:\n  " + "\n  ".join(found)


def test_the_check_sees_a_bare_state():
    values = status_values()
    assert "submitted" in values["status"] and "council_staff" in values["role"]
    code = ast.parse('if proposal.status in ("submitted", "resubmitted"):\n    pass\n'
                     'Proposal.objects.filter(proposal__status="draft")\n'
                     'ok = user.role == Role.COUNCIL_STAFF and kind == "submitted"\n'
                     'OPEN_STATUSES = ("draft", "x")\n')
    assert literal_states([("predicate.py", code)], values) == [
        "predicate.py:1 'resubmitted'", "predicate.py:1 'submitted'", "predicate.py:3 'draft'",
        "predicate.py:5 'draft'"]
