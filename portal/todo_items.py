"""The pieces of a to-do list: an item, a list, and how a list is cut at ``SHOWN`` items without reading as a
total ("8 or more" with a link to the full list where there is one).

A list that names local governments says where its rows keep one (``local_government``) and their contest
(``contest``): its items are made by ``in_round_layouts`` once every list of the page is read, each unit named
as it stood on its round's eligibility date (issue 20: a 2026 round's Haenam in 전라남도), one query for all
the lists together.
"""
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from core.formats import day, moment
from regions.as_of import stand_units_on, units_of_rows

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
    # Rows whose items wait for their round's layout: (rows, to_item, local government path, contest path).
    waiting: tuple | None = field(default=None, repr=False)


def listed(title, rows: Iterable, to_item: Callable[[object], TodoItem], more_url: str = "", *,
           local_government: str = "", contest: str = "contest") -> Todo:
    """A list of the first ``SHOWN`` of ``rows`` (read up to ``FETCHED`` of them), marked when there are more.
    With ``local_government`` (the ``__`` path from a row to the unit it names, ``contest`` the path to the
    row's contest, both selected with the rows) the items are made by ``in_round_layouts``."""
    rows = list(rows)[:FETCHED]
    todo = Todo(title, more=len(rows) > SHOWN, more_url=more_url)
    if local_government:
        todo.waiting = (rows[:SHOWN], to_item, local_government, contest)
    else:
        todo.items = [to_item(row) for row in rows[:SHOWN]]
    return todo


def in_round_layouts(todos: list[Todo]) -> list[Todo]:
    """Make the waiting lists' items with each row's local government as it stood on its contest's eligibility
    date: the units of all the lists stand at once (``regions.as_of.stand_units_on``: one query, none when no
    list waits; the labels name the province and the unit, so codes are not read)."""
    waiting = [todo for todo in todos if todo.waiting and todo.waiting[0]]
    stand_units_on([pair for todo in waiting
                    for pair in units_of_rows(todo.waiting[0], local_government=todo.waiting[2],
                                              day=f"{todo.waiting[3]}__eligibility_date")], codes=False)
    for todo in waiting:
        rows, to_item, _local_government, _contest = todo.waiting
        todo.items = [to_item(row) for row in rows]
    for todo in todos:
        todo.waiting = None
    return todos


def due(moment_, now) -> dict:
    """A deadline and whether it has passed, as ``TodoItem`` keywords."""
    return {"due": moment_, "overdue": moment_ is not None and moment_ < now}
