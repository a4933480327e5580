"""Settings for the test suite: the local default with fast hashing."""
from .local import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

# Uploaded files go to a throw-away directory, never into var/uploads of the checkout.
import tempfile  # noqa: E402

STORAGES = {**STORAGES, "default": {  # noqa: F405
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": tempfile.mkdtemp(prefix="portal-test-uploads-")}}}
