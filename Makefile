# Quickstart: `make demo` then `make test`. Needs only Python 3.11+ and make.
# The newest Python 3.11+ on PATH (python3 itself may be older).
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do command -v $$p >/dev/null 2>&1 && { echo $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
DB ?= warehouse/events.duckdb
DEMO_QUERY := select event_date, date_precision, source_country, cameo_code, plover, target_country, left(sentence, 60) as sentence from events order by event_date

.PHONY: demo test install clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit("eventpipe needs Python 3.11 or newer") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

demo: install
	$(BIN)/eventpipe run examples/ --db $(DB)
	@echo
	@echo '$$ eventpipe sql "$(DEMO_QUERY)"'
	@$(BIN)/eventpipe sql "$(DEMO_QUERY)" --db $(DB)

test: install
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) *.egg-info $(DB) $(DB).wal
