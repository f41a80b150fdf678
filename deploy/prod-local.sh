#!/usr/bin/env bash
# The production layout on this machine without containers (`make prod`): MUSUBI_ENV=production,
# the local PostgreSQL, gunicorn with TLS on 127.0.0.1:${MUSUBI_PROD_PORT:-8143} (standing in
# for the proxy; self-signed certificate), two task workers and the scheduler. Ctrl-C stops all.
# The same processes as compose.yaml; real deployments put Caddy/nginx in front (docs/operations.md).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
STATE=var/prod
PORT=${MUSUBI_PROD_PORT:-8143}
mkdir -p "$STATE"

export MUSUBI_ENV=production
unset MUSUBI_DEBUG
export DATABASE_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/musubi_prod}
if [ -z "${MUSUBI_SECRET_KEY:-}" ]; then
  [ -s "$STATE/secret-key" ] || $PY -c 'import secrets; print(secrets.token_urlsafe(50))' > "$STATE/secret-key"
  MUSUBI_SECRET_KEY=$(cat "$STATE/secret-key")
  export MUSUBI_SECRET_KEY
fi
export MUSUBI_ALLOWED_HOSTS=127.0.0.1,localhost
export MUSUBI_SITE_URL=https://127.0.0.1:$PORT
export MUSUBI_STATIC_ROOT=$STATE/static
export MUSUBI_CONN_MAX_AGE=60
# No SMTP server on a development machine: mail is printed (check --deploy would flag this).
export MUSUBI_EMAIL_BACKEND=${MUSUBI_EMAIL_BACKEND:-django.core.mail.backends.console.EmailBackend}
export MUSUBI_BIND=127.0.0.1:$PORT
export MUSUBI_TLS_CERT=$STATE/tls.crt MUSUBI_TLS_KEY=$STATE/tls.key
export MUSUBI_WEB_PROCESSES=${MUSUBI_WEB_PROCESSES:-2}

if [ ! -s "$STATE/tls.crt" ]; then
  openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=127.0.0.1" \
    -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
    -keyout "$STATE/tls.key" -out "$STATE/tls.crt" 2>/dev/null
fi

# Create the database if it does not exist yet (database name from DATABASE_URL).
$PY - <<'PY'
import os
import dj_database_url
import psycopg
from psycopg import sql

db = dj_database_url.parse(os.environ["DATABASE_URL"])
with psycopg.connect(host=db["HOST"], port=db["PORT"] or 5432, user=db["USER"],
                     password=db["PASSWORD"] or None, dbname="postgres", autocommit=True) as conn:
    if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db["NAME"]]).fetchone():
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(db["NAME"])))
        print("created database", db["NAME"])
PY
$PY -m musubi migrate --noinput -v0
$PY -m musubi collectstatic --noinput -v0
if [ "${MUSUBI_PROD_DEMO:-1}" = 1 ]; then $PY -m musubi demo --quiet; fi

pids=()
stop() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait
}
trap stop INT TERM EXIT
.venv/bin/gunicorn -c deploy/gunicorn.conf.py musubi.wsgi & pids+=($!)
for i in 1 2; do
  $PY -m musubi worker --no-reload --interval 1 --worker-id "local-$i" & pids+=($!)
done
$PY -m musubi scheduler & pids+=($!)
echo "production layout: https://127.0.0.1:$PORT/ (self-signed), 2 workers, scheduler — Ctrl-C stops"
wait -n
echo "a process stopped; stopping the others" >&2
exit 1
