"""Settings shared by every environment, driven by environment variables.

Without any variable set the portal runs on the embedded default: SQLite, Celery
tasks executed eagerly in-process and e-mail printed to the console. Setting
``DATABASE_URL`` and ``CELERY_BROKER_URL`` moves it to PostgreSQL and Redis.
"""
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _
from django_guid.integrations import CeleryIntegration

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


SECRET_KEY = env("DJANGO_SECRET_KEY")
DEBUG = env_bool("DJANGO_DEBUG", False)
# One setting names the site: PORTAL_DOMAIN (e.g. portal.example.go.kr) gives the allowed host, the trusted
# origin for CSRF and the base URL of e-mail links, each of which its own variable may still override.
PORTAL_DOMAIN = env("PORTAL_DOMAIN").strip().lower()
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", PORTAL_DOMAIN or "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", f"https://{PORTAL_DOMAIN}" if PORTAL_DOMAIN else "")

INSTALLED_APPS = [
    "portal.admin_config.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # third party
    "axes",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "django_htmx",
    "rest_framework",
    "knox",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_celery_beat",
    "django_guid",
    "django_prometheus",
    # the portal: the kernel first, the top floor (landing, navigation, demo) last
    "core",
    "accounts",
    "audit",
    "regions",
    "ministries",
    "applications",
    "reviews",
    "selection",
    "notifications",
    "tracking",
    "outbox",
    "portal",
]

MIDDLEWARE = [
    # first: a body over the limit or a NUL byte is refused before anything reads the request
    "core.request_limits.RequestLimitsMiddleware",
    # before host validation: /healthz (and /metrics with a token) answered whatever the Host (portal.health)
    "portal.health.ProbeMiddleware",
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    # a request id on every log line of the request and of the Celery tasks it enqueues
    "django_guid.middleware.guid_middleware",
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy (django-csp) and Cache-Control for signed-in answers (core.headers), outside the
    # page cache so kept pages carry them too
    "csp.middleware.CSPMiddleware",
    "core.headers.PrivateCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # after authentication: a signed-in user's preferred language counts
    "core.middleware.PortalLocaleMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # after messages: says so when a write's follow-up work could not be handed to the broker yet
    "outbox.middleware.PendingWorkNoticeMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # inside the messages middleware: a form sent after the session ended keeps its text (core.kept_posts)
    "core.kept_posts.KeepPostOnSignOutMiddleware",
    # after everything its key and checks read (user, language, messages); see core.page_cache
    "core.page_cache.PageCacheMiddleware",
    # a unique-key race no service answered becomes a 409 with a message to reload, not a 500
    "core.conflicts.ConflictMiddleware",
    # last, as django-axes asks: it turns a lockout raised by the backend into a response
    "axes.middleware.AxesMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]

# Content-Security-Policy: every script and style from the portal itself (htmx, Bootstrap, Chart.js and
# Swagger UI are served locally); inline styles stay allowed (Bootstrap, htmx and Swagger UI set them), inline
# scripts and event handlers do not.
CONTENT_SECURITY_POLICY = {"DIRECTIVES": {
    "default-src": [SELF], "script-src": [SELF], "style-src": [SELF, UNSAFE_INLINE], "img-src": [SELF, "data:"],
    "font-src": [SELF], "connect-src": [SELF], "object-src": [NONE], "base-uri": [SELF], "form-action": [SELF],
    "frame-ancestors": [NONE]}}

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "portal.context_processors.navigation",
                "portal.context_processors.kept_post",
                "notifications.context_processors.unread_notifications",
            ],
            # The one style of dates, money and counts (core.formats) in every template without a load.
            "builtins": ["core.templatetags.formats"],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}"),
        conn_max_age=int(env("DATABASE_CONN_MAX_AGE", "60")),
        # a connection kept across requests is checked before reuse, so the first request after a
        # database restart reconnects instead of answering 500
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "accounts.backends.PortalBackend",
    # Sessions signed in before PortalBackend came name this one: kept so that they stay signed in.
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
# The portal's own page, in the user's language, saying what to do; the form's text is kept (core.kept_posts).
CSRF_FAILURE_VIEW = "portal.views.csrf_failure"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Login throttling (django-axes): five failures for one username from one address lock that pair out for
# fifteen minutes, and twenty from one address across accounts lock the address (accounts.signin). The
# address is X-Forwarded-For's only through TRUSTED_PROXY_COUNT reverse proxies (0: REMOTE_ADDR).
AXES_FAILURE_LIMIT = int(env("AXES_FAILURE_LIMIT", "5"))
AXES_ADDRESS_FAILURE_LIMIT = int(env("AXES_ADDRESS_FAILURE_LIMIT", "20"))
AXES_COOLOFF_TIME = float(env("AXES_COOLOFF_HOURS", "0.25"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_HANDLER = "accounts.signin.PortalAxesHandler"
AXES_CLIENT_IP_CALLABLE = "accounts.signin.client_address"
TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "0"))
# API tokens (django-rest-knox, accounts.tokens): stored as digests, expiring after API_TOKEN_TTL_HOURS.
REST_KNOX = {"TOKEN_TTL": timedelta(hours=float(env("API_TOKEN_TTL_HOURS", "10"))), "AUTO_REFRESH": False}

LANGUAGE_CODE = "ko"
LANGUAGES = [("ko", _("Korean")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Seoul"
USE_I18N = True
FORMAT_MODULE_PATH = ["core.format_modules"]  # dates Django shows by itself follow core.formats too
USE_TZ = True
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("DJANGO_STATIC_ROOT", str(BASE_DIR / "var" / "staticfiles")))
# Front-end libraries come from npm (package.json) and are served by the portal itself.
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/bootstrap", NODE_MODULES / "bootstrap" / "dist"),
    ("vendor/bootstrap-icons", NODE_MODULES / "bootstrap-icons" / "font"),
    ("vendor/htmx", NODE_MODULES / "htmx.org" / "dist"),
    ("vendor/chartjs", NODE_MODULES / "chart.js" / "dist"),
]
STORAGES = {
    # Uploads live outside the web root and are only ever served by a view that
    # checks permission first; there is deliberately no MEDIA_URL.
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": env("PORTAL_UPLOAD_ROOT", str(BASE_DIR / "var" / "uploads"))},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
FILE_UPLOAD_PERMISSIONS = 0o640
# Uploads and bodies are bounded before they are read whole (README, "Security"): form fields and JSON at most
# 5 MB in memory, files streamed to disk past 2.5 MB, at most 20 files and 1,000 fields in one request.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = int(2.5 * 1024 * 1024)
DATA_UPLOAD_MAX_NUMBER_FILES = 20
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
# Largest proposal attachment or announcement file accepted, in bytes (default 30 MB).
PORTAL_MAX_UPLOAD_BYTES = int(env("PORTAL_MAX_UPLOAD_BYTES", str(30 * 1024 * 1024)))
# Largest request body, in bytes (default: one largest file plus 2 MB of form); refused from its Content-Length.
PORTAL_MAX_REQUEST_BYTES = int(env("PORTAL_MAX_REQUEST_BYTES", str(PORTAL_MAX_UPLOAD_BYTES + 2 * 1024 * 1024)))
# A zip-based document (HWPX, PPTX, XLSX) may declare at most this many entries and uncompressed bytes, and no
# entry over 1 MB may be compressed more than this ratio.
PORTAL_ARCHIVE_MAX_ENTRIES = int(env("PORTAL_ARCHIVE_MAX_ENTRIES", "5000"))
PORTAL_ARCHIVE_MAX_BYTES = int(env("PORTAL_ARCHIVE_MAX_BYTES", str(200 * 1024 * 1024)))
PORTAL_ARCHIVE_MAX_RATIO = int(env("PORTAL_ARCHIVE_MAX_RATIO", "100"))

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH")  # only for the file backend (the runtime check reads the mails it wrote)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "협업프로젝트 포털 <noreply@localhost>")
# Links in e-mails are written against this address (mails are sent by Celery, outside any request).
PORTAL_BASE_URL = env("PORTAL_BASE_URL", f"https://{PORTAL_DOMAIN}" if PORTAL_DOMAIN
                      else "http://127.0.0.1:8000").rstrip("/")

# The cache keeps rendered parts that never change again (a confirmed selection, a signed-off ranking): in
# Redis when CACHE_URL names it, shared by every worker; otherwise in each process's memory.
CACHE_URL = env("CACHE_URL")
# Forgiving (core.cache): with its Redis down a read misses and a write is dropped, nothing answers 500.
CACHES = {"default": {"BACKEND": "core.cache.ForgivingRedisCache", "LOCATION": CACHE_URL}
          if CACHE_URL else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# How long a rendered page may be served again to the same reader while nothing is written
# (core.page_cache). It needs the cache shared by every process, so it is off without CACHE_URL.
PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "60" if CACHE_URL else "0"))

# Celery: with no broker configured, tasks run eagerly in-process (the embedded default).
CELERY_BROKER_URL = env("CELERY_BROKER_URL")
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND") or None
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
# Exactly-once effects under redelivery (README, "When the broker or a worker is down"): a message is
# acknowledged only when its task has finished, and given back when the worker process running it dies;
# every task's effect is idempotent by a key in the database, so running it again changes nothing.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# The longest task (a selection run of a large contest, a fan-out) takes seconds; none may take more than
# the hard limit. Redis hands an unacknowledged message to another worker after the visibility timeout, so
# it is longer than the limit (a running task is never given twice), and far shorter than Redis's hour.
CELERY_TASK_SOFT_TIME_LIMIT = 540
CELERY_TASK_TIME_LIMIT = 600
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 720,
                                   # a broker that is down fails the hand-over at once; the outbox keeps it
                                   "max_retries": 1, "interval_start": 0, "interval_step": 0.2}
# The outbox (outbox.services): pending work handed over longer ago than this is handed over again (its
# worker died or its message was lost); past OUTBOX_MAX_ATTEMPTS hand-overs an operator looks.
OUTBOX_REDISPATCH_AFTER_SECONDS = int(env("OUTBOX_REDISPATCH_AFTER_SECONDS", "780"))
OUTBOX_MAX_ATTEMPTS = 50
OUTBOX_KEEP_DONE_DAYS = 30
# A selection run still queued this long after it was started has no worker: the council may mark it failed.
SELECTION_RUN_STALLED_AFTER_MINUTES = 15
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Periodic work, installed into django-celery-beat's tables when beat starts (times in Asia/Seoul). The daily
# jobs are idempotent (a reminder's key names its day; a confirmed run is confirmed once), so they are asked
# again each hour: a broker that is down at 09:00 delays the day's reminders, it does not lose them.
CELERY_BEAT_SCHEDULE = {
    "sweep-pending-work": {"task": "outbox.tasks.task_sweep_pending_work", "schedule": 60.0},
    "scoring-deadline-reminders": {"task": "reviews.tasks.task_send_scoring_reminders",
                                   "schedule": crontab(hour="9-18", minute=0)},
    "confirm-selections-after-objection-period": {"task": "selection.tasks.task_confirm_due_selections",
                                                  "schedule": crontab(hour="0-8", minute=10)},
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "accounts.tokens.PortalTokenAuthentication",  # knox's, refusing a secret that is not ASCII
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # DRF's parsers with a nesting limit and NUL refusal (core.api.parsers)
    "DEFAULT_PARSER_CLASSES": ["core.api.parsers.JSONParser", "core.api.parsers.FormParser",
                               "core.api.parsers.MultiPartParser"],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "core.api.filters.StableOrderingFilter",  # DRF's, with the primary key as the last key
    ],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # "recruit-apply": the anonymous recruitment form's POSTs per client address (tracking.views.companies).
    "DEFAULT_THROTTLE_RATES": {"auth": "10/min", "recruit-apply": env("RECRUIT_APPLY_RATE", "10/hour")},
    # The throttles' client address, by the same rule as the sign-in lockout's (accounts.signin).
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Collaboration-project portal API",
    "DESCRIPTION": "Si/Gun/Gu Local Industry Development Collaboration Project portal.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI served from the sidecar package: no CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Several models have a "status"; each choice set gets its own name in the schema.
    "ENUM_NAME_OVERRIDES": {
        "AssignmentStatusEnum": "reviews.models.AssignmentStatus",
        "SheetStatusEnum": "reviews.models.SheetStatus",
        "RunStatusEnum": "selection.models.RunStatus",
        "ObjectionStatusEnum": "selection.models.ObjectionStatus",
        "OutcomeEnum": "selection.models.Outcome",
        "ProposalStatusEnum": "applications.models.ProposalStatus",
        "AttachmentKindEnum": "applications.models.AttachmentKind",
        "DesignationKindEnum": "regions.models.DesignationKind",
        "TaskStatusEnum": "tracking.models.TaskStatus",
        "ReportStatusEnum": "tracking.models.ReportStatus",
        "ContinuationOutcomeEnum": "tracking.models.ContinuationOutcome",
    },
}

# Operations (README, "Operations"): logs as one JSON object a line in production (DJANGO_LOG_FORMAT=json), each
# with the request id (django-guid) that the Celery tasks a request enqueues carry on; plain text locally.
DJANGO_GUID = {
    "INTEGRATIONS": [CeleryIntegration(use_django_logging=True, log_parent=True)],
    "IGNORE_URLS": ["healthz", "metrics"],
}
PORTAL_METRICS_TOKEN = env("PORTAL_METRICS_TOKEN")
LOG_FORMAT = env("DJANGO_LOG_FORMAT", "text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "django_guid.log_filters.CorrelationId", "correlation_id_field": "request_id"},
        "task": {"()": "django_guid.integrations.celery.log_filters.CeleryTracing"},
    },
    "formatters": {
        "text": {"format": "%(message)s"},
        "json": {"()": "pythonjsonlogger.json.JsonFormatter",
                 "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s %(celery_parent_id)s "
                        "%(celery_current_id)s",
                 "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
                 "datefmt": "%Y-%m-%dT%H:%M:%S%z", "json_ensure_ascii": False},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT,
                             "filters": ["request_id", "task"]}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", "INFO")},
    # A task run eagerly (the embedded default, the demo seed) logs only its warnings; a worker logs each task.
    "loggers": {"celery.app.trace": {"level": "WARNING" if CELERY_TASK_ALWAYS_EAGER else "INFO"},
                # its own bookkeeping ("Setting GUID ...") on every task adds nothing to the request id
                "django_guid": {"level": "WARNING"}},
}
