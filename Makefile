# Two commands do everything on a fresh machine: `make demo` and `make test`.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
MUSUBI := $(PY) -m musubi
# Python 3.12 from PATH, else from pyenv (these machines' default python3 is 3.11).
PYTHON312 := $(shell command -v python3.12 2>/dev/null || ls -d $$HOME/.pyenv/versions/3.12*/bin/python3.12 2>/dev/null | tail -n1)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Debian packages: CJK font + HarfBuzz subsetting for PDFs, Pango for WeasyPrint, gettext for the
# catalogues, Chromium for the browser tests.
DEB_PACKAGES := fonts-noto-cjk libharfbuzz-subset0 libpango-1.0-0 libpangoft2-1.0-0 gettext chromium

.PHONY: demo test install system-packages messages lint typecheck pytest e2e serve clean prod prod-check

$(VENV)/.installed: pyproject.toml uv.lock
	@test -n "$(PYTHON312)" || { echo "Python 3.12 not found (install it with pyenv)"; exit 1; }
	test -x $(PY) || $(PYTHON312) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check "uv==0.13.9"
	$(VENV)/bin/uv sync --frozen --python $(PY) -q
	touch $@

install: $(VENV)/.installed messages

system-packages:
	@missing=""; for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q $$missing; \
	fi

messages: $(VENV)/.installed
	@dpkg -s gettext >/dev/null 2>&1 || $(MAKE) system-packages
	$(MUSUBI) compilemessages -v0 --ignore=.venv --ignore=node_modules

demo: install
	MUSUBI_DEBUG=1 $(MUSUBI) migrate -v0
	MUSUBI_DEBUG=1 $(MUSUBI) demo
	MUSUBI_DEBUG=1 $(MUSUBI) serve_all 127.0.0.1:8000

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: $(VENV)/.installed
	$(VENV)/bin/mypy musubi

test: system-packages install lint typecheck
	$(MUSUBI) makemigrations --check --dry-run -v1
	$(VENV)/bin/pytest

pytest: install
	$(VENV)/bin/pytest

e2e: install
	$(VENV)/bin/pytest -m e2e

# The production layout on this machine: gunicorn (TLS, https://127.0.0.1:8143/), two task
# workers and the scheduler against the local PostgreSQL, MUSUBI_ENV=production (docs/operations.md).
prod: install
	deploy/prod-local.sh

# With `make prod` running: log in as the demo coordinator (two factors) and open the roster page.
prod-check: install
	MUSUBI_ENV=production DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/musubi_prod} \
	  MUSUBI_SECRET_KEY=$$(cat var/prod/secret-key) $(PY) deploy/smoke.py https://127.0.0.1:8143

clean:
	rm -rf $(VENV) var db.sqlite3
