"""The pieces of a to-do list: an item, a list, and how a list is cut at ``SHOWN`` items without reading as a
total ("8 or more" with a link to the full list where there is one)."""
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from core.formats import day, moment

SHOWN = 8
FETCHED = SHOWN + 1  # one more than shown: whether the list goes on is known without a count query


@dataclass
class TodoItem:
    label: str
    url: str
    due: datetime | date | None = None  # a moment (shown in KST) or a day
    overdue: bool = False

    @property
    def due_text(self) -> str:
        if isinstance(self.due, datetime):
            return moment(self.due)
        return day(self.due)


@dataclass
class Todo:
    title: str
    items: list[TodoItem] = field(default_factory=list)
    more: bool = False  # more than the items shown wait: the count reads "8 or more"
    more_url: str = ""  # the full list, where there is one


def listed(title, rows: Iterable, to_item: Callable[[object], TodoItem], more_url: str = "") -> Todo:
    """A list of the first ``SHOWN`` of ``rows`` (read up to ``FETCHED`` of them), marked when there are more."""
    rows = list(rows)[:FETCHED]
    return Todo(title, [to_item(row) for row in rows[:SHOWN]], more=len(rows) > SHOWN, more_url=more_url)


def due(moment_, now) -> dict:
    """A deadline and whether it has passed, as ``TodoItem`` keywords."""
    return {"due": moment_, "overdue": moment_ is not None and moment_ < now}
