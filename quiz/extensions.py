"""Extension objects, created unbound and bound to the app in create_app."""

import functools
import sqlite3

from flask_babel import Babel
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


class RateLimiter:
    """Counts hits per key in fixed windows, with the `limits` library; the views decide
    what a key is (an attempt) and what to do when the limit is reached.

    The storage is set by RATELIMIT_STORAGE_URI: memory by default, which is per process;
    a shared store (redis://...) for several servers. `limits` is used directly rather
    than through Flask-Limiter, whose `flask limiter` plugin command Flask would import on
    every `flask ...` run, the teachers' `flask quiz check` included."""

    def init_app(self, app) -> None:
        from limits import storage, strategies

        store = storage.storage_from_string(app.config["RATELIMIT_STORAGE_URI"])
        app.extensions["quiz.rate_limiter"] = strategies.FixedWindowRateLimiter(store)

    def hit(self, app, limit: str, key: str) -> bool:
        """Count one hit; False when the limit ("30 per minute") was already reached."""
        return app.extensions["quiz.rate_limiter"].hit(_parsed_limit(limit), key)


@functools.lru_cache(maxsize=16)
def _parsed_limit(limit: str):
    """A limit's text parsed once, not on every answer (the setting rarely changes)."""
    from limits import parse

    return parse(limit)


limiter = RateLimiter()


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
