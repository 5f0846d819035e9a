# Stadtgespräch: the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
KERN_VERSION := 2.7.2
AXE_VERSION := 4.14.1
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test lint docs audit worker beat messages assets clean bench screenshots

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "$(PYTHON) fehlt / is missing: install Python 3.11"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

run: export BASE_URL ?= http://$(HOST):$(PORT)
run: $(STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py demo_data
	$(PY) manage.py runserver $(HOST):$(PORT)

lint: $(STAMP)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run --noinput
	$(BIN)/lint-imports --no-cache
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet

# The documentation as a site (docs/, mkdocs.yml): build/site/index.html; a broken link fails.
docs: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict
	@echo "Die Dokumentation: build/site/index.html"

# Known vulnerabilities in the installed packages (pip-audit; the project itself is skipped).
# Fails on any; says plainly when the vulnerability service cannot be reached (see docs/security.md, "pip-audit").
audit: $(STAMP)
	.ci/audit

# On every core (pytest-xdist); the tests that drive a real Celery worker share one Redis
# queue, so they run afterwards, on their own. loadgroup keeps the tests of a browser module
# that share one demo site (xdist_group) on one worker, so that the demo is loaded once.
TEST_PROCESSES ?= auto
test: lint
	$(BIN)/pytest -n $(TEST_PROCESSES) --dist loadgroup -m "not worker" $(PYTEST_ARGS)
	$(BIN)/pytest -m worker $(PYTEST_ARGS)

# Every benchmark in bench/ against gunicorn, PostgreSQL and Redis, one table at the end (also
# added to bench/RESULTS.md). Needs PostgreSQL and Redis running; about 15 minutes the first
# time. One part: make bench BENCH_ARGS="--only konferenzen"; a dry run: BENCH_ARGS=--quick.
bench: $(STAMP)
	$(PY) bench/all.py $(BENCH_ARGS)

# Every kind of public page and each role's main admin pages, in Debian's Chromium at 390 and
# 1366 px, from the demo data: build/screenshots/index.html. Look at them after every change to
# templates or styles (a page that passes axe can still look broken). About five minutes.
screenshots: $(STAMP)
	$(BIN)/pytest tests/browser/screenshots.py -p no:cacheprovider -q -s $(PYTEST_ARGS)
	@echo "Die Bilder: build/screenshots/index.html"

worker: $(STAMP)
	$(BIN)/celery -A config worker --loglevel=INFO

beat: $(STAMP)
	$(BIN)/celery -A config beat --loglevel=INFO

# Refresh the translation catalogues after changing user-facing strings (needs GNU gettext).
# The compiled .mo files are committed, so that running and testing need no gettext.
messages: $(STAMP)
	$(PY) manage.py makemessages -l en --no-obsolete --ignore=tests --ignore=staticfiles --ignore=media --ignore=build
	$(PY) manage.py compilemessages --ignore=.venv

# Refresh the vendored front-end files (KERN UX CSS and fonts, axe-core for the browser tests)
# from the npm registry. The result is committed, so neither running nor testing needs npm.
assets:
	rm -rf build/npm && mkdir -p build/npm
	cd build/npm && npm init -y >/dev/null && npm install --no-audit --no-fund \
		@kern-ux/native@$(KERN_VERSION) axe-core@$(AXE_VERSION) >/dev/null
	rm -rf static/vendor/kern && mkdir -p static/vendor/kern/fonts static/vendor/axe
	cp build/npm/node_modules/@kern-ux/native/dist/kern.min.css static/vendor/kern/
	cp build/npm/node_modules/@kern-ux/native/dist/fonts/fira-sans.css static/vendor/kern/fonts/
	mkdir -p static/vendor/kern/fonts/fira-sans
	# Only the font files the stylesheet references.
	for f in $$(grep -o 'FiraSans-[A-Za-z]*\.woff2' static/vendor/kern/fonts/fira-sans.css | sort -u); do \
		cp build/npm/node_modules/@kern-ux/native/dist/fonts/fira-sans/$$f static/vendor/kern/fonts/fira-sans/; done
	cp build/npm/node_modules/@kern-ux/native/LICENSE.md static/vendor/kern/LICENSE.md
	cp build/npm/node_modules/axe-core/axe.min.js static/vendor/axe/
	cp build/npm/node_modules/axe-core/LICENSE static/vendor/axe/LICENSE
	python3 -c "import json,sys; print('\n'.join(f'{p}: {json.load(open(\"build/npm/node_modules/\"+p+\"/package.json\"))[\"version\"]}' for p in ['@kern-ux/native','axe-core']))" > static/vendor/VERSIONS
	rm -rf build/npm
	@cat static/vendor/VERSIONS

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .test-media
