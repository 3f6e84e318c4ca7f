# Two commands do all the set-up on a fresh machine:
#   make report   -> parse the bundled resolution, run every notebook on it, write reports/
#   make test     -> run the test suite and the notebooks (nbval)
# Both create the virtual environment .venv on first use.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
RESOLUTION ?= data/raw/A_RES_68_192_ar.txt

.PHONY: report test tests bench lint notebooks clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[notebooks,test,dev]"
	$(PY) -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $(STAMP)

report: $(STAMP)
	$(PY) -m analysis report "$(RESOLUTION)"

test: $(STAMP)
	$(PY) -m pytest --nbval-lax --nbval-current-env --nbval-sanitize-with notebooks/sanitize.cfg -p no:cacheprovider

tests: test

# Re-execute the committed notebooks top to bottom in a fresh kernel (after a parser change).
notebooks: $(STAMP)
	$(VENV)/bin/jupyter nbconvert --to notebook --execute --inplace notebooks/0*.ipynb

bench: $(STAMP)
	$(PY) bench/run.py

lint: $(STAMP)
	$(VENV)/bin/ruff check analysis tests bench

clean:
	rm -rf $(VENV) reports data/processed/*.csv data/processed/*.json data/processed/*.parquet
