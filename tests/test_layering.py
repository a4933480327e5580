"""The layering the README draws (Architecture) is the one the imports have: `lint-imports` checks the
contract in pyproject.toml, function-level imports included."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_no_layer_imports_a_layer_above_it():
    lint = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "0 broken" in done.stdout


def test_the_contract_names_every_app_once():
    """A new app has to be given its place in the layers: every package beside manage.py with an apps.py is
    a root package of the contract."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    apps = {path.parent.name for path in ROOT.glob("*/apps.py")}
    assert apps == set(config["root_packages"])
    layered = {name.strip() for layer in config["contracts"][0]["layers"] for name in layer.split("|")}
    assert layered == apps


def test_the_readme_draws_the_layers_the_contract_asserts():
    """README, Architecture: the diagram's layers, top to bottom, are the contract's."""
    import re
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    readme = (ROOT / "README.md").read_text()
    section = readme.split("\n## Architecture\n", 1)[1]
    diagram = section.split("```", 2)[1]
    drawn = [re.split(r"\s{2,}", line)[0] for line in diagram.splitlines()
             if line and not line.startswith(" ") and line.strip() != "↓"]
    assert drawn == config["contracts"][0]["layers"]
