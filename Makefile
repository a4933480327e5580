# The two commands of the README:
#   make start   set everything up on the embedded default and serve the portal
#   make test    run the whole test suite (lint, migrations check, pytest)
# Both are safe to repeat; each step only does work when its inputs changed.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1:8000

.PHONY: start setup deps assets messages extract-messages db test lint clean bench

start: setup
	@echo "Portal: http://$(HOST)/   demo logins: see README (password demo-portal-2025)"
	$(PY) manage.py runserver $(HOST)

setup: deps assets messages db

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] < (3, 11) and "Python 3.11 or newer is required")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

deps: $(VENV)/.installed

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

assets: node_modules/.installed

# Compile translations with Babel, so GNU gettext is only needed to extract new strings.
messages: deps
	$(PY) -m babel.messages.frontend compile --domain django --directory locale --statistics

# Extract new strings into the catalogues (needs GNU gettext). No source locations, so two changes
# that add strings in different places do not both rewrite every entry's location comment.
extract-messages: deps
	$(PY) manage.py makemessages -l ko -l en --no-location --ignore=node_modules --ignore=.venv --ignore=var --ignore=tests

db: deps
	mkdir -p var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo

test: deps assets messages lint
	$(PY) -m pytest $(PYTEST_ARGS)

lint: deps
	mkdir -p var
	$(PY) -m ruff check .
	$(PY) manage.py makemigrations --check --dry-run

# The benchmark (README, "Benchmark"): scale data on PostgreSQL, gunicorn, wrk.
bench: deps
	$(PY) bench/run.py $(BENCH_ARGS)

clean:
	rm -rf var/db.sqlite3 var/staticfiles
