"""Checks every page of the journeys gets at both widths: axe-core (npm, served by the live server) finds no
serious or critical violation, and the page itself never scrolls sideways (tables scroll in their own box)."""
import json
import os
from pathlib import Path

import pytest

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = ({"width": 1366, "height": 768}, {"width": 390, "height": 844})


def require_axe() -> None:
    if not AXE.exists():
        message = "axe-core is not installed (npm ci)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def serious_violations(page, within: str = "document") -> list[str]:
    """axe-core's serious and critical violations on the page as loaded (or ``within``, a JavaScript expression
    such as ``"'#confirm-dialog'"``), one line each with its targets."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.add_script_tag(url="/static/vendor/axe-core/axe.min.js")
    results = page.evaluate(f"axe.run({within}, {{resultTypes: ['violations']}})")
    return [f"{violation['id']} ({violation['impact']}): "
            + ", ".join(str(node["target"]) for node in violation["nodes"][:5])
            for violation in results["violations"] if violation["impact"] in ("serious", "critical")]


def sideways_overflow(page) -> int:
    """How many pixels the page is wider than the window (0: no sideways scroll of the page)."""
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def check_pages(page, live_server, paths: list[str]) -> dict[str, list[str]]:
    """Every path at both widths: {"path @ width": [problems]} for the pages that have any."""
    problems = {}
    for size in WIDTHS:
        page.set_viewport_size(size)
        for path in paths:
            page.goto(live_server.url + path)
            found = serious_violations(page)
            overflow = sideways_overflow(page)
            if overflow > 0:
                found.append(f"page scrolls sideways by {overflow}px")
            if found:
                problems[f"{path} @ {size['width']}"] = found
    if problems:  # kept for people to read: which page, which rule, which elements
        report = Path(__file__).resolve().parents[2] / "var" / "axe-problems.json"
        report.parent.mkdir(parents=True, exist_ok=True)
        previous = json.loads(report.read_text()) if report.exists() else {}
        report.write_text(json.dumps({**previous, **problems}, ensure_ascii=False, indent=1))
    return problems
