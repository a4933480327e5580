"""No import circles among the project's modules: a module never imports, even inside a function, one that
imports it back (directly or through others). Tasks import services, never the reverse: a service enqueues a
task by its dotted name through the outbox (``outbox.services.defer``)."""
import sys
import tomllib
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parent.parent


def project_packages() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    return [*config["root_packages"], "config"]


def circles(graph: grimp.ImportGraph) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(graph.modules):
        if start in index:
            continue
        work = [(start, iter(sorted(graph.find_modules_directly_imported_by(start))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            module, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.find_modules_directly_imported_by(child)))))
                elif child in on_stack:
                    low[module] = min(low[module], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[module])
            if low[module] == index[module]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == module:
                        break
                if len(group) > 1:
                    found.append(sorted(group))
    return found


def build_graph() -> grimp.ImportGraph:
    sys.path.insert(0, str(ROOT))
    try:
        return grimp.build_graph(*project_packages(), include_external_packages=False, cache_dir=None)
    finally:
        sys.path.remove(str(ROOT))


def test_no_module_imports_one_that_imports_it_back():
    found = circles(build_graph())
    assert found == [], "Import circles (break them: tasks import services, a service enqueues by name):\n" + (
        "\n".join(" ↔ ".join(group) for group in found))


def test_no_module_imports_a_celery_task_module():
    """Tasks import services, never the reverse: work is enqueued by the task's dotted name (the outbox), so
    no app module imports ``<app>.tasks`` (Celery finds them itself)."""
    graph = build_graph()
    task_modules = [f"{package}.tasks" for package in project_packages() if f"{package}.tasks" in graph.modules]
    assert "notifications.tasks" in task_modules and "selection.tasks" in task_modules
    assert {module: sorted(graph.find_modules_that_directly_import(module)) for module in task_modules
            if graph.find_modules_that_directly_import(module)} == {}


def test_the_finder_sees_a_circle_through_an_import_inside_a_function():
    """The test above can fail: a circle closed by an import inside a function (as notifications' services
    and tasks once were) is found."""
    graph = grimp.ImportGraph()
    graph.add_import(importer="app.services", imported="app.models", line_number=1, line_contents="import")
    graph.add_import(importer="app.tasks", imported="app.services", line_number=1, line_contents="import")
    assert circles(graph) == []
    graph.add_import(importer="app.services", imported="app.tasks", line_number=40, line_contents="import")
    assert circles(graph) == [["app.services", "app.tasks"]]
