# The two commands of the README:
#   make start   set everything up on the embedded default and serve the portal
#   make test    run the whole test suite (lint, migrations check, pytest)
# Both are safe to repeat; each step only does work when its inputs changed.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1:8000
# Each setup step prints one line; what its command says goes to var/make.log and is shown only if it fails.
QUIET = >var/make.log 2>&1 || { cat var/make.log; echo "== failed: see above (also in var/make.log)"; exit 1; }

.PHONY: start setup deps assets messages extract-messages db test lint clean bench

start: setup
	@echo "== the portal: http://$(HOST)/"
	@echo "   logins (password demo-portal-2025): hamyang, sancheong, geochang, hapcheon (local governments),"
	@echo "   gyeongnam, jeonnamgwangju (provinces), reviewer, mss, mois, moj, mafra, mcst, mof (ministries),"
	@echo "   council, admin"
	@$(PY) manage.py runserver $(HOST)

setup: deps assets messages db

$(VENV)/.installed: requirements.txt requirements-dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] < (3, 11) and "Python 3.11 or newer is required")'
	@echo "== Python packages (requirements-dev.txt) into $(VENV)"
	@mkdir -p var; test -x $(PY) || { $(PYTHON) -m venv $(VENV) $(QUIET); }
	@$(PY) -m pip install --quiet --upgrade pip $(QUIET)
	@$(PY) -m pip install --quiet -r requirements-dev.txt $(QUIET)
	@touch $@

deps: $(VENV)/.installed

node_modules/.installed: package.json package-lock.json
	@echo "== front-end packages (package-lock.json) into node_modules"
	@mkdir -p var && npm ci --no-audit --no-fund $(QUIET)
	@touch $@

assets: node_modules/.installed

# Compile translations with Babel, so GNU gettext is only needed to extract new strings. A catalogue is compiled
# only when its .po is newer than its .mo: a second `make test` started beside a first (CI's two runs) never
# rewrites a .mo the first one's tests are reading.
CATALOGUES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po))

messages: $(CATALOGUES)

locale/%/LC_MESSAGES/django.mo: locale/%/LC_MESSAGES/django.po | deps
	@echo "== translations ($*)"
	@mkdir -p var && $(PY) -m babel.messages.frontend compile --domain django --directory locale --locale $* $(QUIET)

# Extract new strings into the catalogues (needs GNU gettext). No source locations, so two changes
# that add strings in different places do not both rewrite every entry's location comment.
extract-messages: deps
	$(PY) manage.py makemessages -l ko -l en --no-location --ignore=node_modules --ignore=.venv --ignore=var --ignore=tests

db: deps
	@echo "== database (var/db.sqlite3): migrations and the demo round"
	@mkdir -p var && $(PY) manage.py migrate --noinput $(QUIET)
	@$(PY) manage.py seed_demo $(QUIET)

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
