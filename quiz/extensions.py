"""Extension objects, created unbound and bound to the app in create_app."""

import sqlite3

from flask_babel import Babel
from flask_limiter import Limiter
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)
babel = Babel()
csrf = CSRFProtect()
# Limits are keyed per attempt where they apply (see student.views); the storage is set by
# RATELIMIT_STORAGE_URI (memory by default: per process; use a shared store for several servers).
limiter = Limiter(key_func=lambda: "global")


def init_migrations(app, directory: str) -> None:
    """Flask-Migrate for `flask db ...` and the tests. Not in the processes that serve
    requests: Alembic would cost each gunicorn worker about 11 MB and is never used there."""
    from flask_migrate import Migrate

    Migrate(app, db, directory=directory)


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, _record):
    """Every SQLite connection: WAL for concurrent readers, enforced foreign keys, and
    a busy timeout so that writers queue instead of failing with "database is locked"."""
    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()
