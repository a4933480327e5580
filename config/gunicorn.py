"""gunicorn's settings for the compose file and the production smoke test (`gunicorn -c config/gunicorn.py`).

Every value can be changed from the environment (GUNICORN_*), so one file serves a small VM and a large node.
"""
import os
import shutil
from pathlib import Path

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
# Only the proxy may say which scheme the client used (the proxy's addresses; "*" inside a compose network,
# where nothing but the proxy reaches web). Django reads the scheme itself (SECURE_PROXY_SSL_HEADER).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
# One JSON object a line, with the request id django-guid returned (README, "Operations").
access_log_format = ('{"time": "%(t)s", "logger": "gunicorn.access", "remote": "%(h)s", "method": "%(m)s", '
                     '"path": "%(U)s", "status": %(s)s, "bytes": "%(B)s", "duration_ms": %(M)s, '
                     '"request_id": "%({correlation-id}o)s"}')


def on_starting(server):
    """A fresh directory for the workers' Prometheus counters (core.metrics), emptied at each start."""
    directory = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if directory:
        shutil.rmtree(directory, ignore_errors=True)
        Path(directory).mkdir(parents=True, exist_ok=True)


def child_exit(server, worker):
    """A worker that exits leaves its gauges behind unless told (prometheus_client's multiprocess mode)."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)


# gunicorn's own lines (starting, booting workers, timeouts) as JSON objects too; access lines are already JSON
# (access_log_format), so their handler writes the message as it is.
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "pythonjsonlogger.json.JsonFormatter", "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
                 "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
                 "datefmt": "%Y-%m-%dT%H:%M:%S%z", "json_ensure_ascii": False},
        "message": {"format": "%(message)s"},
    },
    "handlers": {
        "error_console": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"},
        "console": {"class": "logging.StreamHandler", "formatter": "message", "stream": "ext://sys.stdout"},
    },
    "root": {"level": "INFO", "handlers": []},
    "loggers": {
        "gunicorn.error": {"level": "INFO", "handlers": ["error_console"], "propagate": False},
        "gunicorn.access": {"level": "INFO", "handlers": ["console"], "propagate": False},
    },
}
