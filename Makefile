# The two commands a newcomer needs: `make run` and `make test`. Both create or update .venv
# from the pinned requirements, so a machine with only Python 3.11 is enough.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: run test install lint format check bench bench-insights bench-pages bench-api messages loadtest lighthouse

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when a requirements file changed since the last install.
$(VENV)/.installed: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

run: install
	$(PY) manage.py migrate --noinput
	SITE_PORT=$(PORT) $(PY) manage.py load_demo
	$(PY) manage.py ensure_dev_admin --port $(PORT)
	SITE_PORT=$(PORT) $(PY) manage.py runserver 127.0.0.1:$(PORT)

# Both cores (or as many as the machine has): each worker has its own test database and takes
# tests from the other when it runs out; costly worlds are built once per run (tests/worlds.py).
# One folder or file:
# `make test TESTS=tests/directory`; one worker: `make test WORKERS=0`.
WORKERS ?= auto
TESTS ?=
test: install
	$(PY) -m pytest -n $(WORKERS) --dist worksteal $(TESTS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djhtml --check $$(git ls-files '*.html')

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djhtml $$(git ls-files '*.html')

check: install
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) manage.py check
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) manage.py makemigrations --check --dry-run

# Interface translations: refresh locale/<language>/LC_MESSAGES/django.po from the marked strings
# in the code and templates, then compile the .mo files Django reads. Both are committed, so a
# machine without gettext still shows the translations. Needs GNU gettext (apt install gettext).
MESSAGE_LANGUAGES := cy gd ga
messages: install
	$(PY) manage.py makemessages $(addprefix -l ,$(MESSAGE_LANGUAGES)) --no-obsolete \
		--ignore=.venv --ignore=node_modules --ignore=staticfiles --ignore=tests
	$(PY) manage.py compilemessages --ignore=.venv

# Directory search benchmark: 1,000 then 10,000 activities on a throwaway SQLite database, then
# 100,000 on a throwaway PostgreSQL database (BENCH_POSTGRES_URL, default the local server as
# postgres; skipped with a message when there is none). Volume is loaded in bulk.
BENCH_DB := /tmp/artsbackpack-bench.sqlite3
bench: install
	$(PY) manage.py bench_directory_suite --sqlite-path $(BENCH_DB)

# A throwaway SQLite database at $(1) for a benchmark: migrated, with the demo content and
# generated activities up to 10,000 live (directory/bulk_load.py).
define demo_with_volume
	rm -f $(1)
	DATABASE_URL=sqlite:///$(1) $(PY) manage.py migrate --noinput -v0
	DATABASE_URL=sqlite:///$(1) $(PY) manage.py load_demo
	DATABASE_URL=sqlite:///$(1) $(PY) manage.py bulk_load_activities --up-to 10000
endef

# Insights reports benchmark on a throwaway SQLite database: the demo content plus generated
# activities (10,000 live in all, bulk loaded by directory/bulk_load.py) and 100,000 logged
# searches (bulk inserted); times every report page, export and live figure
# (insights/management/commands/bench_insights.py).
BENCH_INSIGHTS_DB := /tmp/artsbackpack-bench-insights.sqlite3
bench-insights: install
	$(call demo_with_volume,$(BENCH_INSIGHTS_DB))
	DATABASE_URL=sqlite:///$(BENCH_INSIGHTS_DB) DEBUG=0 $(PY) manage.py bench_insights --searches 100000

# Open-data benchmark on a throwaway SQLite database: demo content plus generated activities
# (10,000 live), the OpenActive change log rebuilt from them, then pages and filtered searches of
# /api/openreferral/services and a walk of the whole RPDE activities feed
# (opendata/management/commands/bench_opendata.py). Ends with the api p95 and the walk's time.
BENCH_API_DB := /tmp/artsbackpack-bench-api.sqlite3
bench-api: install
	$(call demo_with_volume,$(BENCH_API_DB))
	DATABASE_URL=sqlite:///$(BENCH_API_DB) $(PY) manage.py rebuild_openactive_feeds
	DATABASE_URL=sqlite:///$(BENCH_API_DB) DEBUG=0 $(PY) manage.py bench_opendata

# Page benchmark on a throwaway SQLite database with the demo content: one page of every public
# page type, uncached and cached, against a bare `wagtail start` welcome page built and timed in
# the same run (core/management/commands/bench_pages.py). Ends with the two worst ratios.
BENCH_PAGES_DB := /tmp/artsbackpack-bench-pages.sqlite3
bench-pages: install
	rm -f $(BENCH_PAGES_DB)
	DATABASE_URL=sqlite:///$(BENCH_PAGES_DB) $(PY) manage.py migrate --noinput -v0
	DATABASE_URL=sqlite:///$(BENCH_PAGES_DB) $(PY) manage.py load_demo > /dev/null
	DATABASE_URL=sqlite:///$(BENCH_PAGES_DB) DEBUG=0 $(PY) manage.py bench_pages

# Load and fault test: the production settings under gunicorn (2 workers) on a throwaway SQLite
# database with the demo content, driven by wrk (apt install wrk) with a mix of real pages for
# LOADTEST_SECONDS (30), then again with Redis and Elasticsearch unreachable. Prints requests
# per second, p50/p95/p99 and non-2xx answers per phase, and fails if any answer was an error.
loadtest: install
	$(PY) .ci/loadtest.py

# The checkers from npm (package.json, pinned in package-lock.json): the Nu HTML Checker, which
# `make test` runs (tests/html/test_nu_checker.py), and Lighthouse. Reinstalled only when the
# lock file changed; --ignore-scripts: vnu-jar's install script would fetch a Java runtime,
# and the machine's own Java is used instead.
node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts

# Lighthouse (mobile) performance, accessibility and SEO of the home page, the directory after a
# search, an activity page and a story page, on the production settings with the demo content
# (throwaway SQLite database in /tmp/artsbackpack-lighthouse/). Prints the scores and the paint
# figures, and fails if accessibility or SEO is below 100 or performance below 98.
# Needs Chromium (CHROME_PATH, default /usr/bin/chromium); LIGHTHOUSE_REUSE=1 keeps the database;
# LIGHTHOUSE_DIR=<folder> works elsewhere than /tmp/artsbackpack-lighthouse/.
lighthouse: install node_modules/.package-lock.json
	$(PY) .ci/lighthouse.py
