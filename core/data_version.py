"""The portal's data version: a number in the shared cache that moves on whenever a write to the database
commits, from any process and by any means.

Rendered pages are kept under the version they were rendered at (``core.page_cache``), so a page is
never served from before a write it could show. Signals would miss ``update()``, ``bulk_create`` and raw
SQL, so the writes are watched where every statement passes: an execute wrapper on each database
connection (web workers, Celery workers, management commands, the shell alike). It notes a statement that
changes data and moves the version on once the transaction commits; a rolled-back write moves nothing.
"""
import functools
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

logger = logging.getLogger(__name__)

VERSION_KEY = "portal:data-version"
# What Django's ORM, migrations and flush send first when they change data or schema.
WRITE_STATEMENTS = ("INSERT", "UPDATE", "DELETE", "TRUNCATE", "MERGE", "CREATE", "ALTER", "DROP")


def page_cache_enabled() -> bool:
    """Whether pages are kept, and so whether writes need to move the version on."""
    return settings.PAGE_CACHE_SECONDS > 0


def _fresh_version() -> int:
    """A version no earlier state had: the clock in nanoseconds, should the key be lost (an evicted or
    restarted cache) and start over."""
    return time.time_ns()


def current_data_version() -> int:
    """The version now, started afresh if the cache has none."""
    cache.add(VERSION_KEY, _fresh_version(), timeout=None)
    return cache.get(VERSION_KEY) or _fresh_version()


def bump_data_version() -> None:
    """Move the version on, so that every page kept so far is rendered again when next asked for."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not there yet, or lost: any new value is one no kept page carries
        cache.add(VERSION_KEY, _fresh_version(), timeout=None)
    except Exception:  # the cache is down; pages cannot be served from it either
        logger.warning("Could not move the data version on", exc_info=True)


def _bump_after_commit(connection) -> None:
    """Once per committed transaction however many writes it held (the later callbacks find nothing)."""
    if connection.page_cache_write_pending:
        connection.page_cache_write_pending = False
        bump_data_version()


def watch_writes(execute, sql, params, many, context):
    """Execute wrapper: runs the statement and, for a write, moves the version on when it commits."""
    result = execute(sql, params, many, context)
    if page_cache_enabled() and sql[:16].lstrip().upper().startswith(WRITE_STATEMENTS):
        connection = context["connection"]
        connection.page_cache_write_pending = True
        if connection.in_atomic_block or connection.get_autocommit():
            # At once outside a transaction, after the outermost commit inside one, never on rollback.
            transaction.on_commit(functools.partial(_bump_after_commit, connection), using=connection.alias)
        else:  # manual transaction management has no commit hook to wait for
            _bump_after_commit(connection)
    return result


def install_write_watcher(sender, connection, **kwargs) -> None:
    """``connection_created`` receiver. First in the list, so that a caller's own ``execute_wrapper()``
    block, which pops the last one, never takes it off."""
    if watch_writes not in connection.execute_wrappers:
        connection.page_cache_write_pending = False
        connection.execute_wrappers.insert(0, watch_writes)
