# One image for every role (web, worker, scheduler, migrate); compose.yaml picks the command.
FROM python:3.12-slim-bookworm

# CJK font + Pango/HarfBuzz for the PDF documents, gettext for the Japanese catalogue.
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-noto-cjk libpango-1.0-0 libpangoft2-1.0-0 \
    libharfbuzz-subset0 gettext \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
ENV PATH=/app/.venv/bin:$PATH PYTHONUNBUFFERED=1 MUSUBI_ENV=production \
    MUSUBI_STATIC_ROOT=/app/static
RUN pip install --no-cache-dir "uv==0.13.9"
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-dev --no-install-project
COPY . .
RUN uv sync --frozen --no-dev \
 && python -m musubi compilemessages -v0 --ignore=.venv \
 && MUSUBI_SECRET_KEY=only-for-collectstatic-at-build-time-not-a-real-secret-key-000 \
    python -m musubi collectstatic --noinput -v0

RUN useradd --system --uid 10001 musubi
USER musubi
EXPOSE 8000
CMD ["gunicorn", "-c", "deploy/gunicorn.conf.py", "musubi.wsgi"]
