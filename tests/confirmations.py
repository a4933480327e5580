"""Reading a page's confirmations as the browser's confirm dialog (static/js/confirm.js) will show them."""
import html
import re


def confirmation_for(page_html: str, action: str) -> str | None:
    """The data-confirm text of the form posting to ``action`` (on the form or its submit button), or None
    when that form is on the page without one. Raises AssertionError when no such form is on the page."""
    for match in re.finditer(r"<form\b([^>]*)>(.*?)</form>", page_html, re.S):
        attributes, inside = match.groups()
        if f'action="{action}"' not in attributes:
            continue
        found = re.search(r'data-confirm="([^"]*)"', attributes) or re.search(r'data-confirm="([^"]*)"', inside)
        return html.unescape(found.group(1)) if found else None
    raise AssertionError(f"no form posting to {action} on the page")
