# The two commands a newcomer needs: `make demo` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INFRA_VENV := .venv-infra

.PHONY: setup browser demo test lint typecheck unit chaos bench clean

setup: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# checkov (tests/infra, run by `make test`) pins packages the app's venv cannot share: its own venv.
$(INFRA_VENV)/.installed: requirements-infra.txt
	$(PYTHON) -m venv $(INFRA_VENV)
	$(INFRA_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-infra.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# DEMO_FLAGS=--rules judges with the rules alone (no model).
demo: setup
	$(PY) -m sandbox.demo $(DEMO_FLAGS)

lint: setup
	$(PY) -m ruff check .

typecheck: setup
	$(PY) -m mypy

# The report's screenshot test needs headless Chromium and CJK fonts: installed here where missing
# (as root, with apt), or a stop at once with the command to run. First, so it never fails late.
browser:
	@bash tools/ensure-browser.sh

test: browser lint typecheck $(INFRA_VENV)/.installed
	$(PY) -m pytest

unit: setup
	$(PY) -m pytest tests/unit

# The chaos suite with a larger budget than `make test` runs (60 fixed schedules there); every
# boundary of the whole chaos queue for the SIGKILL test. CHAOS_SEED=<n> explores new schedules.
CHAOS_EXAMPLES ?= 300
chaos: setup
	CHAOS_EXAMPLES=$(CHAOS_EXAMPLES) $(PY) -m pytest tests/chaos

bench: setup
	$(PY) -m bench.scan
	$(PY) -m bench.report
	$(PY) -m bench.eval

clean:
	rm -rf $(VENV) $(INFRA_VENV) node_modules .mypy_cache .ruff_cache .pytest_cache .hypothesis
