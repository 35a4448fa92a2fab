# Quickstart: `make demo` then `make test`. Needs only Python 3.11+ and make.
# python3 if it is 3.11 or newer, else the first python3.1x on PATH that runs and is.
PYTHON ?= $(shell for p in python3 python3.13 python3.12 python3.11; do \
	$$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1 && { echo $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
DB ?= warehouse/events.duckdb
DEMO_QUERY := select event_date, date_precision, source_country, cameo_code, plover, target_country, mode, num_mentions as mentions, num_articles as articles, left(sentence, 44) as sentence from events order by event_date

.PHONY: demo test install clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml requirements/parser.txt
	@test -n "$(PYTHON)" || { echo "eventpipe needs Python 3.11 or newer (none found on PATH)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/parser.txt
	touch $@

demo: install
	$(BIN)/eventpipe run examples/ --db $(DB)
	@echo
	@echo '$$ eventpipe sql "$(DEMO_QUERY)"'
	@$(BIN)/eventpipe sql "$(DEMO_QUERY)" --db $(DB)
	@echo
	@echo 'eventpipe is in $(BIN): run it as $(BIN)/eventpipe, or `source $(BIN)/activate` and then eventpipe --help'

test: install
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) *.egg-info $(DB) $(DB).wal
