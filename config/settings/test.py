"""Settings for the test suite: the local default with fast hashing."""
from .local import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Off, whatever the environment: a test's writes sit in a transaction that never commits, so they would
# not move the data version on. tests/portal/test_page_cache.py turns it on and commits.
PAGE_CACHE_SECONDS = 0

# Uploaded files go to a throw-away directory, never into var/uploads of the checkout.
import tempfile  # noqa: E402

STORAGES = {**STORAGES, "default": {  # noqa: F405
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": tempfile.mkdtemp(prefix="portal-test-uploads-")}}}

# axe-core (an npm dev dependency) for the browser journeys' accessibility checks, served by the live server
# like every other asset; never part of the production static files.
STATICFILES_DIRS = [*STATICFILES_DIRS, ("vendor/axe-core", NODE_MODULES / "axe-core")]  # noqa: F405
