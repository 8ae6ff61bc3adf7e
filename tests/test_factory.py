import os
from pathlib import Path

import pytest
from sqlalchemy import text

from quiz import create_app
from quiz.config import ConfigError
from quiz.extensions import db

from .conftest import sqlite_only

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def no_secret(monkeypatch, tmp_path):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("FLASK_DEBUG", raising=False)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'x.sqlite3'}")


def test_refuses_to_start_without_secret_in_production(no_secret):
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        create_app()


def test_refuses_a_short_secret(no_secret, monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "dev")
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        create_app()


def test_starts_with_a_real_secret(no_secret, monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "a" * 40)
    app = create_app()
    assert app.config["SECRET_KEY"] == "a" * 40


def test_testing_needs_no_secret(no_secret):
    app = create_app({"TESTING": True})
    assert app.testing


def test_configuration_comes_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("SECRET_KEY", "b" * 40)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'env.sqlite3'}")
    monkeypatch.setenv("QUESTIONS_DIR", str(tmp_path))
    app = create_app()
    assert app.config["SQLALCHEMY_DATABASE_URI"].endswith("env.sqlite3")
    assert app.config["QUESTIONS_DIR"] == str(tmp_path)


def test_default_database_is_sqlite_in_instance(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    app = create_app({"TESTING": True})
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "sqlite:///" + os.path.join(app.instance_path, "quiz.sqlite3")



@sqlite_only
def test_sqlite_connections_use_wal_foreign_keys_and_busy_timeout(app):
    with app.app_context():
        assert db.session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert db.session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert db.session.execute(text("PRAGMA busy_timeout")).scalar() >= 5000


def test_migrations_create_the_tables_the_models_describe(app):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlalchemy import inspect

    with app.app_context():
        assert {"attempt", "response", "alembic_version"} <= set(inspect(db.engine).get_table_names())
        with db.engine.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection), db.metadata)
    assert differences == [], "the models and the migrations differ: add a migration (flask db migrate)"
