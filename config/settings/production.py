"""Production: every secret from the environment, HTTPS only, hardened cookies."""
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import LOGGING, MIDDLEWARE, SECRET_KEY, STORAGES, env, env_bool

if not SECRET_KEY:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set in production.")

DEBUG = False
# Only where a reverse proxy sets X-Forwarded-Proto (and removes any the client sent) may it say the request
# came over HTTPS; otherwise a client could claim it.
if env_bool("DJANGO_SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # the load balancer probes over plain HTTP
SECURE_HSTS_SECONDS = int(env("DJANGO_SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
SESSION_COOKIE_AGE = 60 * 60 * 8
X_FRAME_OPTIONS = "DENY"

# Static files are collected at build time and served by WhiteNoise, compressed and cached.
MIDDLEWARE = [MIDDLEWARE[0], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[1:]]
# DJANGO_STATIC_COMPRESS=false skips the pre-compressed copies (hashed names stay): the smoke test, which
# collects on every run, saves minutes of gzip; the image build keeps them.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
                                        if env_bool("DJANGO_STATIC_COMPRESS", True)
                                        else "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"}}

# Logs as JSON lines with the request id (README, "Operations"); DJANGO_LOG_FORMAT=text for reading by eye.
LOG_FORMAT = env("DJANGO_LOG_FORMAT", "json")
LOGGING = {**LOGGING, "handlers": {"console": {**LOGGING["handlers"]["console"], "formatter": LOG_FORMAT}}}
