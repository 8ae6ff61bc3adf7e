# The two commands: `make run` and `make test`. Everything else is a step they need.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app wsgi
STAMP := $(VENV)/.installed
CATALOGS := $(patsubst %.po,%.mo,$(wildcard translations/*/LC_MESSAGES/messages.po))
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: run test lint install catalogs extract update-catalogs schema check bench-bank bench loadtest test-postgres screenshots clean

run: $(STAMP) catalogs instance/secret_key
	SECRET_KEY="$$(cat instance/secret_key)" AUTHORING=1 $(FLASK) db upgrade
	SECRET_KEY="$$(cat instance/secret_key)" AUTHORING=1 $(FLASK) run --host $(HOST) --port $(PORT)

test: $(STAMP) catalogs
	$(BIN)/ruff check quiz tests bench tools wsgi.py
	$(BIN)/python -m pytest

install: $(STAMP)

# Debian's python3 lacks ensurepip until python3-venv is installed; add it when we can.
$(VENV)/bin/python:
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { \
	  rm -rf $(VENV); \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null; \
	  fi; \
	  $(PYTHON) -m venv $(VENV); }

$(STAMP): $(VENV)/bin/python requirements.txt requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation --config-settings editable_mode=compat -e .
	touch $@

catalogs: $(CATALOGS)

translations/%/LC_MESSAGES/messages.mo: translations/%/LC_MESSAGES/messages.po $(STAMP)
	$(BIN)/pybabel compile --statistics -d translations -l $* 2>&1 | tail -1

# Translation workflow: extract the English strings, merge them into each catalog, then
# translate the new entries in translations/fr/LC_MESSAGES/messages.po and `make catalogs`.
extract: $(STAMP)
	$(BIN)/pybabel extract --no-location --sort-output -F babel.cfg -k _l -k N_ -k ngettext:1,2 -o translations/messages.pot .

update-catalogs: extract
	$(BIN)/pybabel update --no-fuzzy-matching --ignore-obsolete -i translations/messages.pot -d translations

instance/secret_key: | $(VENV)/bin/python
	mkdir -p instance
	umask 077 && $(BIN)/python -c 'import secrets; print(secrets.token_hex(32))' > $@

schema: $(STAMP)
	FLASK_DEBUG=1 $(FLASK) quiz schema

check: $(STAMP) catalogs
	FLASK_DEBUG=1 $(FLASK) quiz check

screenshots: $(STAMP) catalogs
	$(BIN)/python tools/screenshots.py

# 200 students at once against gunicorn (4 workers, SQLite), then again while a worker is killed.
loadtest: $(STAMP) catalogs
	$(BIN)/python bench/loadtest.py --students $(or $(STUDENTS),200)

# The whole suite on a throwaway PostgreSQL cluster, then the integrity test on two servers sharing it.
test-postgres: $(STAMP) catalogs
	$(BIN)/python tools/postgres.py

bench: $(STAMP) catalogs
	$(BIN)/python bench/run.py

bench-bank: $(STAMP) catalogs
	$(BIN)/python bench/bank.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache translations/*/LC_MESSAGES/*.mo
