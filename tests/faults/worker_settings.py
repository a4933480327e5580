"""Settings of the real worker the fault tests start in a process of its own: the test settings, with e-mail
written to files (``PORTAL_TEST_MAIL_DIR``) so the test can count what was sent across processes."""
import os

from config.settings.test import *  # noqa: F403

EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ["PORTAL_TEST_MAIL_DIR"]
