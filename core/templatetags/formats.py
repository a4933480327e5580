"""``{{ value|day }}``, ``|moment``, ``|clock``, ``|won``, ``|number``, ``|percent``: the portal's one style for
dates, money, percentages and counts (``core.formats``), built into every template
(``TEMPLATES["OPTIONS"]["builtins"]``)."""
from django import template

from core import formats

register = template.Library()

register.filter("day", formats.day)
register.filter("moment", formats.moment)
register.filter("clock", formats.clock)
register.filter("deadline", formats.deadline)
register.filter("won", formats.won)
register.filter("number", formats.number)
register.filter("shown", formats.shown)
register.filter("percent", formats.percent)
register.filter("basis_points", formats.basis_points)
