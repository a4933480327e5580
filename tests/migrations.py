"""Moving the test database along the migration graph, for the tests that build rows in an old schema."""
from django.apps.registry import Apps
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate_to(targets: list[tuple[str, str | None]]) -> Apps | None:
    """Migrate to ``targets`` (``(app, migration)``; ``None`` unapplies the app) and give that state's
    historical models (``.get_model(app, name)``), or None where a target unapplies an app."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    if any(name is None for _, name in targets):
        return None
    return executor.loader.project_state(targets).apps


def latest() -> list[tuple[str, str]]:
    """Every app's last migration: ``migrate_to(latest())`` brings the database back to today's schema."""
    return MigrationExecutor(connection).loader.graph.leaf_nodes()
