"""No template names a workflow state as a bare string (issue 26).

``{% if assignment.status == "assigned" %}`` silently stops matching the day the state is renamed, and restates
in the page a rule the model already knows. A page asks a meaning-named property instead
(``assignment.is_pledge_pending``), and a badge's colour comes from one Python mapping keyed by the enum
(``{{ run.status|run_badge }}``).

The check reads every template of the project (the engine's own directories and the apps' ``templates``, not a
hand-kept list) with Django's template lexer, so quoted words inside a tag are seen exactly as Django sees them.
"""
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from django.template import engines
from django.template.base import Lexer, TokenType

ROOT = Path(__file__).resolve().parent.parent
STATE_WORDS = {"status", "statuses", "outcome", "outcomes", "state", "states", "kind", "kinds", "role", "roles"}
OPERATORS = {"==", "!=", "in", "<", ">", "<=", ">="}
LITERAL = re.compile(r"""^(_\()?(?P<quote>["'])(?P<text>.*)(?P=quote)\)?$""")


def template_files() -> list[Path]:
    """Every template file the project itself ships (Django's and third parties' own are not ours to read)."""
    directories = {Path(directory).resolve() for directory in engines["django"].template_dirs}
    ours = [directory for directory in directories
            if directory.is_relative_to(ROOT) and not {".venv", "node_modules"} & set(directory.parts)]
    return sorted(path for directory in ours for path in directory.rglob("*") if path.is_file())


def _literal(bit: str) -> str | None:
    """The string a template token writes literally (``"x"``, ``'x'``, ``_("x")``, filters aside), else None."""
    match = LITERAL.match(bit) or LITERAL.match(bit.split("|")[0])
    return match["text"] if match else None


def _names_state(bit: str) -> bool:
    """``assignment.sheet.status``, ``status``, ``proposal.published_outcome|lower`` name a workflow state."""
    return _literal(bit) is None and any(
        part.lower() in STATE_WORDS for part in re.split(r"[._]", bit.split("|")[0]))


def _compares_state(left: str, right: str) -> bool:
    return (_names_state(left) and _literal(right) is not None) or (_names_state(right) and _literal(left) is not None)


def _tag_offences(bits: list[str]) -> Iterator[str]:
    """What one block tag compares to, or binds to, a bare string as a state."""
    for index, bit in enumerate(bits[1:-1], start=1):
        if bit in OPERATORS:
            negated = bit == "in" and bits[index - 1] == "not" and index > 1
            left, right = bits[index - 2 if negated else index - 1], bits[index + 1]
            if _compares_state(left, right):
                yield f"{left} {'not in' if negated else bit} {right}"
        elif bit == "as" and _names_state(bits[index + 1]) and _literal(bits[index - 1]) is not None:
            yield f"{bits[index - 1]} as {bits[index + 1]}"  # {% with "running" as status %}
    for bit in bits[1:]:  # {% include ... with status="running" %}, {% with status="running" %}
        name, sep, value = bit.partition("=")
        if sep and name and value and not value.startswith("=") and _literal(name) is None \
                and _names_state(name) and _literal(value) is not None:
            yield bit


def bare_states(templates: Iterable[tuple[str, str]]) -> list[str]:
    """Each place (file:line and the tag's words) where a template names a state as a string."""
    found = []
    for name, text in templates:
        for token in Lexer(text).tokenize():
            if token.token_type is TokenType.BLOCK:
                found += [f"{name}:{token.lineno} {offence}" for offence in _tag_offences(token.split_contents())]
    return found


def _project_templates() -> Iterator[tuple[str, str]]:
    for path in template_files():
        yield str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")


def test_the_project_has_templates_to_read():
    names = {str(path.relative_to(ROOT)) for path in template_files()}
    assert "templates/reviews/assignment_list.html" in names and len(names) > 100


def test_no_template_compares_a_state_to_a_string():
    found = bare_states(_project_templates())
    assert not found, ("A template names a state as a string; ask the model's meaning-named property, or map the "
                       "enum to a badge in Python:\n  " + "\n  ".join(found))


def test_the_check_sees_every_way_a_template_names_a_state():
    page = ('{% if assignment.status == "assigned" %}a{% elif sheet.status != \'draft\' %}b{% endif %}\n'
            '{% if "selected" == decision.outcome and window.state in "open upcoming" %}c{% endif %}\n'
            '{% if run.status|lower not in "failed" %}d{% endif %}\n'
            '{% include "x.html" with status="running" label=task.get_status_display %}\n'
            '{% with _("stop") as outcome %}{% endwith %}{% if proposal.published_outcome == "reserve" %}{% endif %}\n')
    assert bare_states([("page.html", page)]) == [
        'page.html:1 assignment.status == "assigned"', "page.html:1 sheet.status != 'draft'",
        'page.html:2 "selected" == decision.outcome', 'page.html:2 window.state in "open upcoming"',
        'page.html:3 run.status|lower not in "failed"', 'page.html:4 status="running"',
        'page.html:5 _("stop") as outcome', 'page.html:5 proposal.published_outcome == "reserve"']


def test_the_check_leaves_other_comparisons_alone():
    page = ('{% if field.name == "description" or LANGUAGE_CODE == \'ko\' %}{% endif %}'
            '{% if message.tags == "error" and section == "text" and params.rows == "with" %}{% endif %}'
            '{% if value == status and code == row.status and statement == "x" %}{% endif %}'
            '{% include "applications/sections/_header.html" with section="text" %}'
            '{% blocktranslate with outcome=target.get_outcome_display %}{{ outcome }}{% endblocktranslate %}'
            '<span class="status-{{ proposal.status }}" data-x="{% if x %}open{% endif %}"></span>')
    assert bare_states([("page.html", page)]) == []


def test_each_badge_mapping_colours_every_state_of_its_enum():
    from selection.models import Outcome, RunStatus
    from selection.templatetags.outcomes import OUTCOME_BADGES, RUN_BADGES
    from tracking.models import TaskStatus
    from tracking.templatetags.tracking_tags import TASK_BADGES

    for mapping, enum in ((OUTCOME_BADGES, Outcome), (RUN_BADGES, RunStatus), (TASK_BADGES, TaskStatus)):
        assert set(mapping) == set(enum), enum.__name__
