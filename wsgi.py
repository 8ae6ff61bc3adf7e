"""Entry point for servers: ``gunicorn wsgi:app``."""

import sys

from quiz import create_app
from quiz.config import ConfigError

try:
    app = create_app()
except ConfigError as exc:
    sys.stderr.write(f"error: {exc}\n")
    raise SystemExit(1) from None
