# Set-up and everyday commands. `make run` and `make test` each create the virtual
# environment on first use: torch is installed first, pinned to the CPU wheel that
# the build machines carry, then the project with its GUI, test and packaging extras
# (PyInstaller, so that the test suite also builds and starts the bundle).

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
TORCH_SPEC ?= torch==2.13.0
PYTEST_ARGS ?=

.PHONY: run test test-fast venv bench package translations clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --upgrade pip
	$(BIN)/pip install "$(TORCH_SPEC)"
	$(BIN)/pip install -e ".[gui,test,packaging]"
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

# One-folder bundle dist/peftt-studio/ with the app and the command line (packaging/README.md).
# A .venv made before the packaging extra existed gets PyInstaller here.
package: venv
	$(BIN)/python -c "import PyInstaller" 2>/dev/null || $(BIN)/pip install -e ".[gui,packaging]"
	PYTHON=$(abspath $(BIN)/python) packaging/build.sh

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
