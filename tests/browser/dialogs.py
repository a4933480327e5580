"""Going through a confirmation dialog (static/js/confirm.js) as a user would, at both widths of the journeys:
at 1366×768 the dialog opens with the focus on Cancel, says what will happen, and Escape closes it with nothing
sent; at 390×844 it opens again inside the screen, with no sideways scroll and no serious or critical axe-core
violation inside it, and its confirm button sends."""
from tests.browser.accessibility import WIDTHS, serious_violations, sideways_overflow

DESKTOP, PHONE = WIDTHS


def confirm_at_both_widths(page, trigger: str, *, says: str) -> None:
    """Press ``trigger`` (a selector of the submit button) and go through its dialog as described above; the
    page the confirmation leads to is checked at phone width (no sideways scroll, no serious or critical axe-core
    violation), then the desktop width is back."""
    dialog = page.locator("#confirm-dialog")
    before = page.url
    page.set_viewport_size(DESKTOP)
    page.click(trigger)
    dialog.wait_for(state="visible")
    assert says in dialog.inner_text(), dialog.inner_text()
    page.wait_for_function("() => document.activeElement.id === 'confirm-dialog-cancel'")
    page.keyboard.press("Escape")
    dialog.wait_for(state="hidden")
    assert page.url == before  # nothing was sent

    page.set_viewport_size(PHONE)
    page.click(trigger)
    dialog.wait_for(state="visible")
    page.wait_for_function("() => document.activeElement.id === 'confirm-dialog-cancel'")  # fully shown
    box = page.locator("#confirm-dialog .modal-dialog").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
    assert sideways_overflow(page) <= 0
    assert serious_violations(page, within="'#confirm-dialog'") == []
    with page.expect_navigation():
        page.click("#confirm-dialog-ok")
    page.wait_for_load_state()
    assert sideways_overflow(page) <= 0, page.url
    found = serious_violations(page)
    assert found == [], (page.url, found)  # the page the step leads to, at phone width
    page.set_viewport_size(DESKTOP)

