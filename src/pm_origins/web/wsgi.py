"""WSGI entry point: ``gunicorn pm_origins.web.wsgi:application``."""

from __future__ import annotations

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pm_origins.web.settings")

application = get_wsgi_application()
