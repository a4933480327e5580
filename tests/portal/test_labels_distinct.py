"""Two fields of one form never carry the same label, in Korean or English: two English words that mean
different things ("Your view" and "Opinion") must not become one Korean word (의견) side by side. Every form
class of the project's apps is walked, so a new form joins the check."""
import importlib
import pkgutil
import re
from pathlib import Path

import pytest
from django import forms
from django.apps import apps
from django.conf import settings
from django.forms.utils import pretty_name
from django.utils import translation

ROOT = Path(settings.BASE_DIR).resolve()


def _project_forms() -> list[type[forms.BaseForm]]:
    ours = [app for app in apps.get_app_configs() if Path(app.path).resolve().is_relative_to(ROOT)]
    for app in ours:
        try:
            module = importlib.import_module(f"{app.name}.forms")
        except ModuleNotFoundError:
            continue
        for info in pkgutil.iter_modules(getattr(module, "__path__", [])):
            importlib.import_module(f"{app.name}.forms.{info.name}")
    roots = {app.name.split(".")[0] for app in ours}

    def below(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from below(sub)

    return sorted({cls for cls in below(forms.BaseForm) if cls.__module__.split(".")[0] in roots
                   and getattr(cls, "base_fields", None)}, key=lambda cls: f"{cls.__module__}.{cls.__name__}")


def test_the_walk_finds_the_forms():
    names = {cls.__name__ for cls in _project_forms()}
    assert {"ReReviewForm", "DecideObjectionForm"} <= names and len(names) > 20


@pytest.mark.parametrize("language", ["ko", "en"])
def test_no_form_labels_two_fields_alike(language):
    clashes = []
    with translation.override(language):
        for cls in _project_forms():
            labels = [str(field.label) if field.label is not None else pretty_name(name)
                      for name, field in cls.base_fields.items()]
            clashes += [(cls.__name__, label) for label in set(labels) if labels.count(label) > 1]
    assert clashes == []


ROW = re.compile(r"<tr[^>]*>(.*?)</tr>", re.S)
HEADING = re.compile(r"<th[^>]*>(.*?)</th>", re.S)
TRANSLATED = re.compile(r'{%\s*translate\s+"([^"]+)"(?:\s+context\s+"([^"]+)")?')


@pytest.mark.parametrize("language", ["ko", "en"])
def test_no_table_heads_two_columns_alike(language):
    """A page's table heads, as the templates write them: no two headings of one row read the same."""
    clashes, read = [], 0
    with translation.override(language):
        for path in sorted((ROOT / "templates").rglob("*.html")):
            for row in ROW.findall(path.read_text(encoding="utf-8")):
                labels = [translation.pgettext(match[2], match[1]) if match[2] else translation.gettext(match[1])
                          for match in (TRANSLATED.search(cell) for cell in HEADING.findall(row)) if match]
                clashes += [(path.name, label) for label in set(labels) if labels.count(label) > 1]
                read += len(labels)
    assert read > 100 and clashes == []
