import pytest

from ..conftest import QuizActions
from ..helpers import form_for


@pytest.fixture
def finished(app, client):
    """A student who finished the chronology quiz with every answer wrong (so retry exists)."""
    student = QuizActions(app, client)
    student.start("chronology")
    for n in range(1, 7):
        entry, question = student.question(n)
        student.answer(n, data=form_for(question, entry["layout"], correct=False))
    assert student.attempt().finished
    return student


def post_routes(app) -> dict:
    """Every POST endpoint of the app, from the URL map."""
    return {rule.endpoint: rule for rule in app.url_map.iter_rules() if "POST" in (rule.methods or ())}


@pytest.fixture
def post_urls(app, finished):
    """A real URL for every POST endpoint; a new POST route without one fails the suite."""
    urls = {
        "student.start": "/start/openai-crisis/quick",
        "student.answer": f"/a/{finished.public_id}/1",
        "student.retry": f"/a/{finished.public_id}/retry",
    }
    assert set(post_routes(app)) == set(urls), "a POST route has no security test: add it here"
    return urls
