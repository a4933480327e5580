# Front-end libraries from npm, then a slim Python image that serves them itself.
FROM node:20-slim AS assets
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 DJANGO_SETTINGS_MODULE=config.settings.production
WORKDIR /app
# Pango and Korean fonts for the PDF papers (WeasyPrint); pg_dump/pg_restore for `manage.py backup_portal` /
# `restore_portal` (README, "Backup and restore").
RUN apt-get update && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-nanum \
    postgresql-client \
 && rm -rf /var/lib/apt/lists/*
# requirements.txt alone: it must hold everything the portal needs at run time (CI checks it, .ci/run).
COPY requirements.txt ./
RUN pip install --no-cache-dir -r requirements.txt
# .dockerignore keeps the checkout's .venv, node_modules, var/ (demo database, uploads), .git and .env out.
COPY . .
COPY --from=assets /build/node_modules ./node_modules
RUN python -m babel.messages.frontend compile --domain django --directory locale \
 && DJANGO_SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput \
 && useradd --system --home /app portal && mkdir -p /data/uploads && chown portal /data/uploads
USER portal
EXPOSE 8000
CMD ["gunicorn", "-c", "config/gunicorn.py", "config.wsgi"]
