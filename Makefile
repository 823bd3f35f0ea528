# Two commands do all the set-up on a fresh machine with Python 3.11+ and make:
#   make run   - install pinned dependencies, restore the warehouse if missing, serve on :8501
#   make test  - the same set-up, then the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
UV := $(BIN)/uv
PORT ?= 8501
MIRROR ?= ../shared/data/ons
WAREHOUSE ?= data/warehouse.duckdb

.PHONY: run test setup warehouse refresh build status lint bench default-data clean

$(UV):
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==0.13.9

$(VENV)/.synced: $(UV) requirements-dev.lock
	$(UV) pip install --quiet --python $(BIN)/python -r requirements-dev.lock
	touch $@

setup: $(VENV)/.synced

$(WAREHOUSE): | setup
	$(BIN)/python -m etl restore --warehouse $(WAREHOUSE)

warehouse: $(WAREHOUSE)

run: setup warehouse
	BEYOND_GDP_WAREHOUSE=$(WAREHOUSE) $(BIN)/python -m dashboard.serve --server.port $(PORT) \
		--server.address 0.0.0.0 --server.headless true --browser.gatherUsageStats false

test: setup
	$(BIN)/python -m pytest

refresh: setup  ## fetch declared files (MIRROR= for a local mirror, MIRROR= empty for the web)
	$(BIN)/python -m etl refresh $(if $(MIRROR),--mirror $(MIRROR)) --warehouse $(WAREHOUSE)

build: setup
	$(BIN)/python -m etl build --warehouse $(WAREHOUSE)

status: setup
	$(BIN)/python -m etl status --warehouse $(WAREHOUSE)

default-data: refresh  ## regenerate the committed embedded default from the mirror
	$(BIN)/python -m etl export-default --warehouse $(WAREHOUSE)

lint: setup
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

bench: setup
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) data/raw data/*.duckdb
