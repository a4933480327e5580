"""``{% contest_window contest %}``: a badge saying whether the contest takes applications now, with its
D-day countdown while open (``applications.window``)."""
from django import template

from applications.window import window_of

register = template.Library()


@register.inclusion_tag("applications/_contest_window.html")
def contest_window(contest):
    return {"contest": contest, "window": window_of(contest)}
