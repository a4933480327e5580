"""The benchmark: the scale data on PostgreSQL, the portal under gunicorn on loopback, wrk against each page.

    .venv/bin/python bench/run.py                 # 10 rounds; builds what is missing, then measures
    .venv/bin/python bench/run.py --only stage    # the pages whose name contains "stage"

It creates the database if needed and extends it to ``--rounds`` with ``seed_scale`` (re-runs reuse it),
installs wrk from Debian's packages when it is missing, signs in one session per user, counts each
page's queries in-process, then loads each page with wrk and prints a Markdown table: median latency
and throughput, each against the floor (a fixed page through the same middleware), queries and rows.
"""
import argparse
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Targets of issue 8, against the floor.
MAX_LATENCY_RATIO = 3.0
MIN_THROUGHPUT_RATIO = 1 / 3


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default=os.environ.get(
        "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_scale"))
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per page")
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1), help="gunicorn workers")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--only", default="", help="measure only pages whose name contains this")
    return parser.parse_args()


def environment(database_url: str) -> dict[str, str]:
    static_root = ROOT / "var" / "bench-static"
    return {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", "DATABASE_URL": database_url,
            "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(50),
            "DJANGO_STATIC_ROOT": str(static_root), "CELERY_BROKER_URL": "", "DJANGO_LOG_LEVEL": "WARNING",
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "PORTAL_UPLOAD_ROOT": str(ROOT / "var" / "bench-uploads"),
            # Shared by the workers, as in production: the kept pages and the data version live here.
            "CACHE_URL": os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/3")}


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() != 0:
        sys.exit("wrk is missing: install it with `sudo apt-get install wrk` and run again.")
    print("Installing wrk from Debian's packages ...", flush=True)
    subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], check=True, stdout=subprocess.DEVNULL)
    return shutil.which("wrk") or sys.exit("wrk did not install.")


def ensure_database(database_url: str) -> None:
    import psycopg2
    from psycopg2 import sql

    name = database_url.rsplit("/", 1)[1]
    # Not `with connection:`, which opens a transaction block that CREATE DATABASE refuses.
    connection = psycopg2.connect(database_url.rsplit("/", 1)[0] + "/postgres")
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cursor.fetchone() is None:
                print(f"Creating database {name} ...", flush=True)
                cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    finally:
        connection.close()


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, str(ROOT / "manage.py"), *args], env=env, check=True, cwd=ROOT)


@dataclass
class Load:
    median_ms: float
    requests_per_s: float
    failures: int


def load(wrk: str, url: str, cookie: str, duration: int, connections: int) -> Load:
    command = [wrk, f"-t{min(2, connections)}", f"-c{connections}", f"-d{duration}s", "--latency",
               "-H", f"Cookie: {cookie}", url]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    median = re.search(r"^\s+50%\s+([\d.]+)(us|ms|s)\s*$", output, re.MULTILINE)
    rate = re.search(r"^Requests/sec:\s+([\d.]+)", output, re.MULTILINE)
    failures = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    if not (median and rate):
        raise RuntimeError(f"wrk said:\n{output}")
    factor = {"us": 0.001, "ms": 1.0, "s": 1000.0}[median.group(2)]
    failed = int(failures.group(1)) if failures else 0
    failed += sum(int(value) for value in errors.groups()) if errors else 0
    return Load(float(median.group(1)) * factor, float(rate.group(1)), failed)


def port_is_free(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


def start_server(env: dict[str, str], port: int, workers: int, log: Path) -> subprocess.Popen:
    if not port_is_free(port):  # another server would answer in its place, with other settings
        sys.exit(f"Something already listens on 127.0.0.1:{port}: stop it or pass --port.")
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
         "--worker-class", "sync", "--error-logfile", str(log), "--log-level", "warning"],
        env=env, cwd=ROOT, start_new_session=True)
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5)
            return server
        except (urllib.error.URLError, ConnectionError, TimeoutError):  # booting; a first answer can be slow
            time.sleep(0.2)
    os.killpg(server.pid, signal.SIGKILL)  # the workers too, not only the master
    sys.exit(f"gunicorn did not answer; see {log}")


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def main() -> None:
    args = parse_args()
    env = environment(args.database_url)
    os.environ.update(env)
    wrk = ensure_wrk()
    ensure_database(args.database_url)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "seed_scale", "--rounds", str(args.rounds))
    manage(env, "collectstatic", "--noinput", "-v0")

    import django

    django.setup()
    from bench.inprocess import prepare, selection_timings

    prepared = [page for page in prepare() if not args.only or page.page.is_floor or args.only in page.page.name]
    # Each page twice: rendered on every request (the page cache off), then kept between writes (on).
    rendered = measure(env, args, wrk, prepared, page_cache_seconds=0)
    kept = measure(env, args, wrk, prepared, page_cache_seconds=60)
    print_table(prepared, rendered, kept, args)
    print()
    for label, seconds in selection_timings():
        print(f"- {label}: {seconds:.2f} s")


def measure(env: dict[str, str], args, wrk: str, prepared, page_cache_seconds: int) -> list[Load]:
    """Every prepared page under wrk, against one gunicorn started with ``PAGE_CACHE_SECONDS`` as given."""
    log = ROOT / "var" / "bench-gunicorn.log"
    server = start_server({**env, "PAGE_CACHE_SECONDS": str(page_cache_seconds)}, args.port, args.workers, log)
    results = []
    try:
        for item in prepared:
            url = f"http://127.0.0.1:{args.port}{item.page.path}"
            load(wrk, url, item.cookie, 1, args.connections)  # warm the workers (and the page cache)
            results.append(load(wrk, url, item.cookie, args.duration, args.connections))
            cache = "kept" if page_cache_seconds else "rendered"
            print(f"  {item.page.name} ({cache}): done", file=sys.stderr, flush=True)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    return results


def print_table(prepared, rendered: list[Load], kept: list[Load], args) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0]
    print(f"\nBenchmark of {date.today():%Y-%m-%d}: {args.rounds} rounds on PostgreSQL {postgres}; "
          f"gunicorn {args.workers} sync workers; wrk {args.connections} connections, {args.duration} s per page")
    print(f"Machine: {machine()}\n")
    print("Rendered: the page cache off, every request renders. Kept: read again with nothing written since "
          "(core.page_cache). Each against the floor of its own pass.\n")
    print("| page | rendered ms | × floor | req/s | queries | kept ms | × floor | req/s | floor ÷ page | queries "
          "| rows behind it | kept within target |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|")
    rendered_floor, kept_floor = rendered[0], kept[0]  # prepare() puts the floor first
    for item, cold, warm in zip(prepared, rendered, kept, strict=True):
        latency_ratio = warm.median_ms / kept_floor.median_ms
        throughput_ratio = warm.requests_per_s / kept_floor.requests_per_s
        met = latency_ratio <= MAX_LATENCY_RATIO and throughput_ratio >= MIN_THROUGHPUT_RATIO
        mark = "" if item.page.is_floor else ("yes" if met else "**no**")
        failed = cold.failures + warm.failures
        failures = f" ({failed} failed)" if failed else ""
        print(f"| {item.page.name}{failures} | {cold.median_ms:.2f} | {cold.median_ms / rendered_floor.median_ms:.1f} "
              f"| {cold.requests_per_s:.0f} | {item.rendered_queries} | {warm.median_ms:.2f} | {latency_ratio:.1f} "
              f"| {warm.requests_per_s:.0f} | {1 / throughput_ratio:.1f} | {item.kept_queries} | {item.page.rows:,} "
              f"| {mark} |")


if __name__ == "__main__":
    main()
