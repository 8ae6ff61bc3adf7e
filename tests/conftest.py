import os
import re

import pytest
from flask_migrate import upgrade
from sqlalchemy import select, text

from quiz import create_app
from quiz.banks import get_bank
from quiz.extensions import db
from quiz.models import Attempt

from .helpers import form_for

CSRF_RE = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
# `make test-postgres` runs the whole suite on PostgreSQL through this variable.
TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL")
sqlite_only = pytest.mark.skipif(bool(TEST_DATABASE_URL), reason="SQLite only: the suite runs on PostgreSQL")


@pytest.fixture
def app_config(tmp_path):
    return {"TESTING": True, "DEBUG": False, "SECRET_KEY": "test-secret-key-0123456789",
            "SQLALCHEMY_DATABASE_URI": TEST_DATABASE_URL or f"sqlite:///{tmp_path / 'test.sqlite3'}"}


@pytest.fixture
def make_app(app_config):
    """More apps for a test (other settings), their connections closed afterwards."""
    made = []

    def make(**overrides):
        made.append(create_app({**app_config, **overrides}))
        return made[-1]

    yield make
    for other in made:
        with other.app_context():
            db.engine.dispose()


@pytest.fixture
def app(app_config):
    app = create_app(app_config)
    with app.app_context():
        if TEST_DATABASE_URL:  # one database for the run: start each test on an empty schema
            db.session.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
            db.session.commit()
        upgrade()  # the real migrations, not create_all: the schema under test is the one deployed
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def csrf(html: str) -> str:
    match = CSRF_RE.search(html)
    assert match, "no CSRF token on the page"
    return match.group(1)


class QuizActions:
    """A student in one browser: start a quiz, answer, switch language, read pages."""

    def __init__(self, app, client, lang="fr"):
        self.app, self.client, self.lang = app, client, lang
        self.public_id = None

    def get(self, url, **kw):
        kw.setdefault("headers", {"Accept-Language": self.lang})
        return self.client.get(url, **kw)

    def start(self, quiz="quick", bank="openai-crisis"):
        home = self.get("/").get_data(as_text=True)
        response = self.client.post(f"/start/{bank}/{quiz}", data={"csrf_token": csrf(home)})
        assert response.status_code == 302, response.status_code
        self.public_id = response.headers["Location"].split("/")[2]
        return response

    def attempt(self) -> Attempt:
        with self.app.app_context():
            attempt = db.session.scalar(select(Attempt).where(Attempt.public_id == self.public_id))
            attempt.responses  # noqa: B018  (load them while the session is open)
            db.session.expunge_all()
            return attempt

    def question(self, n):
        entry = self.attempt().plan[n - 1]
        with self.app.app_context():
            return entry, get_bank("openai-crisis").questions[entry["q"]]

    def page(self, n):
        return self.get(f"/a/{self.public_id}/{n}")

    def answer(self, n, correct=True, extra=None, data=None):
        page = self.page(n).get_data(as_text=True)
        if "csrf_token" not in page:  # an answered question shows feedback, not a form
            page = self.get("/").get_data(as_text=True)
        entry, question = self.question(n)
        payload = {"csrf_token": csrf(page)}
        payload.update(form_for(question, entry["layout"], correct) if data is None else data)
        payload.update(extra or {})
        return self.client.post(f"/a/{self.public_id}/{n}", data=payload)

    def switch(self, lang, path):
        self.lang = lang
        return self.client.get(f"/lang/{lang}", query_string={"next": path})


@pytest.fixture
def student(app, client):
    return QuizActions(app, client)
