"""The registry's notes and citations in the reader's language.

The shipped data files write their notes and notices' citations in English ("MOIS Notice 2021-66
(2021-10-19), amended by 2024-15 (2024-02-27)"; "Former 전라남도 member; province merged into …"). What such
a note says about a unit's dated history (its codes, provinces, names, creation and abolition) is data the
registry holds as rows (``Reorganisation``, ``Succession``, ``Province.name_en_provisional``), so it is
told from those rows through gettext (``history_notes``), never from the note. What remains (a notice's
citation, a non-autonomous district list, an administrative city's standing) the loader stores in Korean
and in English (``renderings``, ``note_renderings``), from ``data/translations.csv`` or, for the district
lists, generated. A text the council typed has no rendering and reads as typed.
"""
import csv
import re
from collections.abc import Iterable
from datetime import timedelta
from pathlib import Path

from django.utils import translation
from django.utils.translation import gettext

from core.formats import day

TRANSLATIONS_FILE = "translations.csv"

# Note parts that only retell a unit's dated history: told from its rows instead (``history_notes``).
_HISTORY = [re.compile(pattern) for pattern in (
    r"^.+ became .+ on \d{4}-\d{2}-\d{2}; code \d{2}xxx->\d{2}xxx$",
    r"^Transferred from .+ to .+ on \d{4}-\d{2}-\d{2}; code \d{5}->\d{5}$",
    r"^Former .+ member; province merged into .+ on \d{4}-\d{2}-\d{2}; code \d{5}->\d{5}\."
    r"( province_en is a provisional translation.*)?$",
    r"^From \d{4}-\d{2}-\d{2} part of .+; new code \d{5}$",
    r"^Abolished \d{4}-\d{2}-\d{2}\b.*$",
    r"^Created \d{4}-\d{2}-\d{2} from .+$",
    r"^\d{4}-\d{2}-\d{2}: area .+ split off as .+; remainder renamed .+$",
)]
_DISTRICTS = re.compile(r"^has \d+ non-autonomous gu \(일반구, not rows\): (?P<names>.+)$")
_NEW_DISTRICTS = re.compile(r"^\d+ non-autonomous gu created (?P<date>\d{4}-\d{2}-\d{2}) \((?P<names>.+)\), not rows$")
Renderings = tuple[str, str]  # (Korean, English)


def load_translations(data_dir: Path) -> dict[str, Renderings]:
    """``data/translations.csv``: a shipped text, its Korean rendering and its English one (empty: the text
    is the English)."""
    path = data_dir / TRANSLATIONS_FILE
    if not path.exists():
        return {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return {row["text"].strip(): (row["ko"].strip(), row["en"].strip() or row["text"].strip())
                for row in csv.DictReader(handle)}


def renderings(text: str, translations: dict[str, Renderings]) -> Renderings:
    """A shipped citation or note in Korean and English; ``("", "")`` for one without (it reads as written)."""
    return translations.get(text.strip(), ("", "")) if text else ("", "")


def _districts(names: str) -> str:
    """``남구 47111; 북구 47113`` as ``남구 (47111), 북구 (47113)``: the districts have only Korean names."""
    return ", ".join(f"{name} ({code})" for name, code in (part.strip().rsplit(" ", 1) for part in names.split(";")))


def _note_part(part: str, translations: dict[str, Renderings]) -> Renderings | None:
    if part in translations:
        return translations[part]
    if any(pattern.match(part) for pattern in _HISTORY):
        return None
    renderings_by_language = []
    for language in ("ko", "en"):
        with translation.override(language):
            if found := _DISTRICTS.match(part):
                text = gettext("Non-autonomous districts: %(names)s.") % {"names": _districts(found["names"])}
            elif found := _NEW_DISTRICTS.match(part):
                text = gettext("Non-autonomous districts created on %(date)s: %(names)s.") % {
                    "date": found["date"], "names": _districts(found["names"])}
            else:
                text = part  # not known: kept as written, in both (tests/regions/test_notes_in_language.py)
        renderings_by_language.append(text)
    return renderings_by_language[0], renderings_by_language[1]


def note_renderings(note: str, translations: dict[str, Renderings]) -> Renderings:
    """A unit's note from ``local_governments.csv`` or the layout file, without what its history rows tell,
    in Korean and English. Its parts are separated by ``|``."""
    parts = [_note_part(part.strip(), translations) for part in note.split("|") if part.strip()]
    kept = [part for part in parts if part]
    return " ".join(ko for ko, _en in kept), " ".join(en for _ko, en in kept)


def _names(links: Iterable, attribute: str) -> str:
    return ", ".join(getattr(link, attribute).name for link in links)


def history_notes(history: dict) -> list[str]:
    """Sentences, in the active language, telling a unit's dated changes from its rows (``history`` as
    ``regions.selectors.history_of`` returns it): what the data file's note said in English, and no more."""
    from .models import Reorganisation

    Change = Reorganisation.Change
    periods = history["periods"]
    starting = {period.valid_from: period for period in periods if period.valid_from}
    ending = {period.valid_to: period for period in periods if period.valid_to}
    sentences = []
    for change in history["changes"]:
        on = change.effective_on
        before, after = ending.get(on - timedelta(days=1)), starting.get(on)
        values = {"date": day(on), "old": change.old_value, "new": change.new_value}
        if change.change == Change.RECODED:
            sentences.append(gettext("Code %(old)s became %(new)s on %(date)s.") % values)
        elif change.change == Change.MOVED_PROVINCE:
            if before and after:
                values.update(old=before.province.name, new=after.province.name)
            sentences.append(gettext("Moved from %(old)s to %(new)s on %(date)s.") % values)
        elif change.change == Change.RENAMED:
            if before and after:
                values.update(old=before.name, new=after.name)
            sentences.append(gettext("Renamed from %(old)s to %(new)s on %(date)s.") % values)
        elif change.change == Change.CREATED:
            names = _names(history["predecessors"], "predecessor")
            sentences.append(gettext("Created on %(date)s from %(names)s.") % {**values, "names": names} if names
                             else gettext("Created on %(date)s.") % values)
        elif change.change == Change.ABOLISHED:
            names = _names(history["successors"], "successor")
            sentences.append(gettext("Abolished on %(date)s; its territory passed to %(names)s.")
                             % {**values, "names": names} if names else gettext("Abolished on %(date)s.") % values)
    provisional = {period.province.pk: period.province for period in periods if period.province.name_en_provisional}
    for province in provisional.values():
        sentences.append(gettext("%(province)s has no official English name yet; “%(name_en)s” is our provisional "
                                 "translation.") % {"province": province.name_ko, "name_en": province.name_en})
    return sentences
