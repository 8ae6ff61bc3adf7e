"""Entry point for servers: ``gunicorn wsgi:app``."""

import sys

from quiz import create_app
from quiz.config import ConfigError

# gunicorn's arbiter stops (instead of restarting workers forever) when a worker exits
# with this code, which it reads as "the application cannot be loaded".
APP_LOAD_ERROR = 4

try:
    app = create_app()
except ConfigError as exc:
    sys.stderr.write(f"error: {exc}\n")
    raise SystemExit(APP_LOAD_ERROR) from None
