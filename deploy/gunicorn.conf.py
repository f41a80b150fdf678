"""gunicorn settings for Musubi (``gunicorn -c deploy/gunicorn.conf.py musubi.wsgi``).

Threads rather than many processes: pages wait on PostgreSQL, and a login waits on Argon2,
which releases the GIL, so a few threads per process keep the cores busy without copying the
application's memory (the matching model) into more processes.
"""

import os

bind = os.environ.get("MUSUBI_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("MUSUBI_WEB_PROCESSES", str(2 * (os.cpu_count() or 1))))
worker_class = "gthread"
threads = int(os.environ.get("MUSUBI_WEB_THREADS", "4"))
timeout = 60
graceful_timeout = 30
keepalive = 5
# Recycle processes now and then (slow memory growth is then harmless).
max_requests = 5000
max_requests_jitter = 500
accesslog = "-"
errorlog = "-"
# Only the TLS proxy may say a request came over HTTPS (Django reads X-Forwarded-Proto:
# settings.SECURE_PROXY_SSL_HEADER); list its address when it runs on another host.
forwarded_allow_ips = os.environ.get("MUSUBI_FORWARDED_ALLOW_IPS", "127.0.0.1")
# Local production-layout runs (deploy/prod-local.sh) terminate TLS here instead of a proxy.
certfile = os.environ.get("MUSUBI_TLS_CERT") or None
keyfile = os.environ.get("MUSUBI_TLS_KEY") or None
