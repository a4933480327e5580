"""The embedded default for development and demos: works with no environment at all."""
from .base import *  # noqa: F403
from .base import env

DEBUG = env("DJANGO_DEBUG", "true").lower() in {"1", "true", "yes", "on"}
# A fixed key is acceptable only here: this settings module never serves production.
SECRET_KEY = env("DJANGO_SECRET_KEY", "insecure-local-development-key-not-for-production")
# django-axes' banner on every command adds nothing to a developer's terminal.
AXES_VERBOSE = False
