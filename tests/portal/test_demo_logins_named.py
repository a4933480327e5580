"""A newcomer learns the demo logins from `make start`'s banner and the README: both name every one the demo
creates (three were missing from the banner)."""
import re
from pathlib import Path

from portal.demo import DEMO_ACCOUNTS

ROOT = Path(__file__).resolve().parents[2]


def test_the_start_banner_and_the_readme_name_every_demo_login():
    banner = " ".join(re.findall(r'@echo "(.*)"', (ROOT / "Makefile").read_text()))
    readme = (ROOT / "README.md").read_text()
    for account in DEMO_ACCOUNTS:
        assert re.search(rf"\b{account.username}\b", banner), f"{account.username} not in make start's banner"
        assert f"`{account.username}`" in readme, f"{account.username} not in the README's demo logins"
