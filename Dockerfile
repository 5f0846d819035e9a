# syntax=docker/dockerfile:1
#
# Production image of Stadtgespräch. One image for every role:
#   web (default CMD): gunicorn config.wsgi:application on 0.0.0.0:8000
#   worker:            celery -A config worker
#   beat:              celery -A config beat
#   migrate:           python manage.py migrate --noinput
# See docker-compose.yml for how they are run together.

ARG PYTHON_IMAGE=python:3.11-slim

# --- 1. Dependencies into a virtualenv --------------------------------------------------------
FROM ${PYTHON_IMAGE} AS builder

ENV PYTHONDONTWRITEBYTECODE=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN python -m venv /opt/venv
ENV PATH="/opt/venv/bin:${PATH}"

# Only pyproject.toml, so that this layer is rebuilt when the dependencies change and not on
# every code change. The project has no modules of its own to install (`py-modules = []`), so
# `pip install .` installs just the declared dependencies (all available as wheels).
WORKDIR /build
COPY pyproject.toml ./
RUN pip install .

# --- 2. Translations and static files (gettext stays out of the final image) -----------------
FROM builder AS assets

# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY . .

ENV DJANGO_SETTINGS_MODULE=config.settings.production \
    STATIC_ROOT=/app/staticfiles

# The production settings insist on a SECRET_KEY; these commands touch neither the database
# nor sessions, so a throwaway value that exists only during this RUN is enough.
# `mkdir -p locale`: an empty LOCALE_PATHS directory is not in git, and compilemessages refuses
# to run when it finds no locale directory at all.
RUN mkdir -p locale \
    && SECRET_KEY=build-only python manage.py compilemessages -v 0 \
    && SECRET_KEY=build-only python manage.py collectstatic --noinput -v 0 \
    && python -m compileall -q -j 0 .

# --- 3. Runtime ----------------------------------------------------------------------------------
FROM ${PYTHON_IMAGE} AS runtime

ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PATH="/opt/venv/bin:${PATH}" \
    DJANGO_SETTINGS_MODULE=config.settings.production \
    STATIC_ROOT=/app/staticfiles \
    MEDIA_ROOT=/app/media \
    PRIVATE_MEDIA_ROOT=/app/private-media \
    WEB_CONCURRENCY=3

# A writable home: gunicorn puts its control socket in ~/.gunicorn/.
RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --create-home --home-dir /home/app \
       --shell /usr/sbin/nologin app

# Pango (with HarfBuzz and fontconfig) is what WeasyPrint sets the council paper's PDF with.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 \
        libharfbuzz-subset0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

COPY --from=builder /opt/venv /opt/venv
WORKDIR /app
# The code stays owned by root (read-only for the app user); only uploads and the beat
# schedule are writable. Named volumes mounted there take over this ownership. (With
# S3_BUCKET set, uploads go to the object store and the media folders stay empty.)
COPY --from=assets /app /app
RUN mkdir -p /app/media /app/private-media /app/var/beat \
    && chown app:app /app/media /app/private-media /app/var/beat

USER 10001:10001

EXPOSE 8000

# Plain HTTP from inside the container: the X-Forwarded-Proto header keeps SECURE_SSL_REDIRECT
# from redirecting, and the Host "localhost" must be in ALLOWED_HOSTS (docker-compose.yml adds
# it). /healthz also checks the database. (The worker and beat override this check.)
HEALTHCHECK --interval=30s --timeout=10s --start-period=40s --retries=3 \
    CMD ["python", "-c", "import json, urllib.request as u; r = u.urlopen(u.Request('http://127.0.0.1:8000/healthz', headers={'Host': 'localhost', 'X-Forwarded-Proto': 'https'}), timeout=8); raise SystemExit(0 if json.load(r).get('status') == 'ok' else 1)"]

# Workers: WEB_CONCURRENCY (gunicorn reads it; default 3 above). Logs go to stdout/stderr.
CMD ["gunicorn", "config.wsgi:application", \
     "--bind", "0.0.0.0:8000", \
     "--access-logfile", "-", \
     "--error-logfile", "-", \
     "--worker-tmp-dir", "/dev/shm", \
     "--timeout", "60", \
     "--graceful-timeout", "30"]
