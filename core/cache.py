"""The shared cache, forgiving when its Redis is down: a read misses and a write is dropped (logged), so
whatever uses the cache — the API's sign-in throttle, kept pages, template fragments — works on without it
instead of answering 500. While Redis is down the throttle does not count (the sign-in lockout, kept in the
database by django-axes, still applies)."""
import functools
import logging

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# method name → what it answers when the cache cannot be reached
_MISSES = {"get": None, "get_many": {}, "has_key": False, "add": False, "set": None, "set_many": [],
           "touch": False, "delete": False, "delete_many": None, "incr": None, "clear": None}


def _forgiving(name: str, miss):
    def method(self, *args, **kwargs):
        try:
            return getattr(super(ForgivingRedisCache, self), name)(*args, **kwargs)
        except RedisError as error:
            logger.warning("Cache unreachable (%s): %s", name, error)
            if name == "get":
                return kwargs.get("default", args[1] if len(args) > 1 else None)
            if name == "incr":
                raise ValueError("The cache is unreachable.") from error  # as for a missing key
            return miss
    method.__name__ = name
    return functools.wraps(getattr(RedisCache, name))(method)


class ForgivingRedisCache(RedisCache):
    """Django's Redis cache, each operation answering a miss when Redis cannot be reached."""


for _name, _miss in _MISSES.items():
    setattr(ForgivingRedisCache, _name, _forgiving(_name, _miss))
