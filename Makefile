# Portside: `make help` lists the targets. Each target installs what it needs into .venv first.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
PORT ?= 8000
export JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION := 1

.DEFAULT_GOAL := help
.PHONY: help install dev test test-runtime lint bench lock synth checkov deploy

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

LOCK := infra/layer.lock

# The layer's locked versions constrain the laptop's too: the tests run the code the functions run.
$(INSTALLED): pyproject.toml $(wildcard $(LOCK))
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --upgrade pip
	@sed -n 's/^\([A-Za-z0-9_.-]*==[^ ]*\) \\$$/\1/p' $(LOCK) > $(VENV)/layer-constraints.txt  # pins, not hashes
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev]' -c $(VENV)/layer-constraints.txt
	@touch $@

install: $(INSTALLED) ## Install the project and its tools into .venv (only when pyproject.toml or the lock changed)

lock: ## Lock the layer's dependencies, with hashes, for the functions' Python and architecture
	@test -x $(BIN)/uv || $(BIN)/pip install --quiet --disable-pip-version-check uv
	$(BIN)/uv pip compile pyproject.toml --quiet --generate-hashes --custom-compile-command "make lock" \
		--python-version 3.13 --python-platform aarch64-manylinux2014 --only-binary :all: -o $(LOCK)

dev: $(INSTALLED) ## Run the portal with demo data at http://127.0.0.1:$(PORT)
	PORT=$(PORT) $(BIN)/python -m infra.local

test: $(INSTALLED) ## Run every test layer: unit, functional, end-to-end, browser
	$(BIN)/python -m pytest -n auto --dist loadfile --no-loadscope-reorder --durations=10 $(PYTEST_ARGS)

# The functions' Python (infra/runtime_python.py finds it on PATH or by pyenv), in a venv of its own inside .venv.
test-runtime: $(INSTALLED) ## The unit and functional layers again, on the functions' Python 3.13
	@runtime=$$($(BIN)/python -m infra.runtime_python) || { echo "No Python 3.13 found (python3.13 on PATH, or pyenv's)"; exit 1; }; \
	$(MAKE) --no-print-directory test VENV=$(VENV)/py313 PYTHON=$$runtime PYTEST_ARGS="tests/unit tests/functional"

lint: $(INSTALLED) ## ruff and mypy (the layer and handlers also as the functions' Python 3.13)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/mypy --python-version 3.13 --cache-dir .mypy_cache/py313 -p portside -p functions

bench: $(INSTALLED) ## Cold import time and AWS calls per request for every route (writes build/bench.json)
	$(BIN)/python -m tests.bench

CDK := infra/node_modules/.bin/cdk
$(CDK): infra/package.json infra/package-lock.json
	npm ci --prefix infra --no-audit --no-fund --silent
	@touch $@

synth: $(INSTALLED) $(CDK) ## Synthesize the stack into cdk.out/ (no AWS credentials needed; cdk-nag runs)
	$(CDK) synth --quiet $(CDK_ARGS)

CHECKOV := checkov==3.3.30
checkov: ## Run checkov on cdk.out/ (make synth first): fails on any finding not acknowledged in infra/
	@test -x $(BIN)/uv || $(BIN)/pip install --quiet --disable-pip-version-check uv
	$(BIN)/uv tool run --quiet --from $(CHECKOV) checkov --directory cdk.out --framework cloudformation \
		--skip-download --compact --quiet

deploy: $(INSTALLED) $(CDK) ## Deploy with the credentials of your environment (see the README's deploy section)
	$(CDK) deploy --all $(CDK_ARGS)
