"""Settings read from the environment, with safe defaults for development."""

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# A SECRET_KEY shorter than this is treated as missing: it would be guessable.
MIN_SECRET_LENGTH = 16


class ConfigError(RuntimeError):
    """The configuration cannot run safely; the message says what to set."""


def _flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def database_url(url: str) -> str:
    """postgres:// and postgresql:// URLs (as hosts hand them out) use the installed driver, psycopg 3."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def from_environment(instance_path: str) -> dict:
    """Configuration for create_app, from the process environment."""
    default_db = "sqlite:///" + os.path.join(instance_path, "quiz.sqlite3")
    return {
        "SECRET_KEY": os.environ.get("SECRET_KEY"),
        "SQLALCHEMY_DATABASE_URI": database_url(os.environ.get("DATABASE_URL") or default_db),
        "QUESTIONS_DIR": os.environ.get("QUESTIONS_DIR") or str(PROJECT_ROOT / "questions"),
        "AUTHORING": _flag("AUTHORING"),
        "SESSION_COOKIE_SECURE": _flag("SESSION_COOKIE_SECURE"),
        "ANSWER_RATE_LIMIT": os.environ.get("ANSWER_RATE_LIMIT", "30 per minute"),
        "RATELIMIT_STORAGE_URI": os.environ.get("RATELIMIT_STORAGE_URI", "memory://"),
    }


DEFAULTS = {
    "MAX_CONTENT_LENGTH": 64 * 1024,
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "PERMANENT_SESSION_LIFETIME": 60 * 60 * 24 * 180,
    # A quiz page may stay open a long time in a classroom; the token still expires.
    "WTF_CSRF_TIME_LIMIT": 8 * 60 * 60,
    "BABEL_DEFAULT_LOCALE": "fr",
    "BABEL_TRANSLATION_DIRECTORIES": str(PROJECT_ROOT / "translations"),
    "LANGUAGES": ("fr", "en"),
    "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
}


def serving() -> bool:
    """True when the app is built to serve requests: by a WSGI server (gunicorn imports
    wsgi.py outside any command line) or by `flask run`. Teachers' commands such as
    `flask quiz check` or `flask db upgrade` sign no cookie and need no secret."""
    import click

    ctx = click.get_current_context(silent=True)
    return ctx is None or ctx.info_name == "run"


def check_secret(config: dict, debug: bool, testing: bool) -> None:
    """Refuse to serve outside debug and tests without a real SECRET_KEY."""
    if debug or testing or not serving():
        return
    secret = config.get("SECRET_KEY") or ""
    if len(secret) < MIN_SECRET_LENGTH:
        raise ConfigError(
            f"SECRET_KEY is not set (or shorter than {MIN_SECRET_LENGTH} characters). Set the SECRET_KEY "
            "environment variable to a long random value, for example the output of: "
            "python3 -c 'import secrets; print(secrets.token_hex(32))'"
        )
