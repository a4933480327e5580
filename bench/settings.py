"""Production settings, served over plain HTTP on loopback for the benchmark, with the floor view added.

Everything that shapes a request's cost (middleware, templates, sessions in the database, WhiteNoise,
DEBUG off) stays as in production; only what needs HTTPS is relaxed, since the load tool talks to
127.0.0.1 directly."""
from config.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LANGUAGE_COOKIE_SECURE = False
