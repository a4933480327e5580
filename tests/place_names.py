"""A page names a local government once with its province: ``str(local_government)`` already reads
"경상남도 합천군", so a template that adds "(경상남도)" after it says the province twice in a row."""
import html
import re

from regions.models import Province

TAG = re.compile(r"<[^>]+>")


def page_text(body: str) -> str:
    """What a reader sees of ``body``: tags dropped, entities read, white space as single spaces."""
    return " ".join(html.unescape(TAG.sub(" ", body)).split())


def province_said_twice(body: str) -> list[str]:
    """Each place in ``body`` where a province's name is followed, after one word (the local government's
    name) and punctuation, by the same province's name again, in either language."""
    text = page_text(body)
    found = []
    for province in Province.objects.all():
        for name in {province.name_ko, province.name_en} - {""}:
            pattern = rf"{re.escape(name)} \S+[\s(),·:-]*{re.escape(name)}(?![\w-])"
            found += [match.group(0) for match in re.finditer(pattern, text)]
    return found
