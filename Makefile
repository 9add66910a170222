# Set-up and everyday commands. `make run` and `make test` each create the virtual
# environment on first use: torch is installed first, pinned to the CPU wheel that
# the build machines carry, then the project with its GUI and test extras.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
TORCH_SPEC ?= torch==2.13.0
PYTEST_ARGS ?=

.PHONY: run test test-fast venv bench translations clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --upgrade pip
	$(BIN)/pip install "$(TORCH_SPEC)"
	$(BIN)/pip install -e ".[gui,test]"
	touch $(BIN)/activate

venv: $(BIN)/activate

run: venv
	$(BIN)/peftt-gui

test: venv
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

test-fast: venv
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m "not slow" $(PYTEST_ARGS)

bench: venv
	$(BIN)/python bench/train_throughput.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
