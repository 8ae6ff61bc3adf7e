"""The security suite: one test per behaviour an attacker could try."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from markupsafe import escape
from sqlalchemy import func, select

from quiz.bank.load import load_bank
from quiz.extensions import db
from quiz.models import Attempt, Response

from ..conftest import QuizActions, csrf
from ..helpers import form_for

ROOT = Path(__file__).resolve().parents[2]
XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def rows(app):
    with app.app_context():
        return (db.session.scalar(select(func.count(Attempt.id))), db.session.scalar(select(func.count(Response.id))))


def valid_data(endpoint, finished):
    if endpoint == "student.answer":
        entry, question = finished.question(1)
        return form_for(question, entry["layout"], True)
    return {}


@pytest.mark.parametrize("endpoint", ["student.start", "student.answer", "student.retry"])
@pytest.mark.parametrize("token", ["missing", "foreign", "expired"])
def test_csrf_missing_foreign_or_expired_is_400_and_writes_nothing(app, client, finished, post_urls, endpoint, token):
    data = valid_data(endpoint, finished)
    if token == "foreign":
        other = app.test_client()
        data["csrf_token"] = csrf(other.get("/").get_data(as_text=True))
    elif token == "expired":
        data["csrf_token"] = csrf(client.get("/").get_data(as_text=True))
        app.config["WTF_CSRF_TIME_LIMIT"] = -1  # every token is now older than the limit
    before = rows(app)
    response = client.post(post_urls[endpoint], data=data, headers={"Accept-Language": "en"})
    assert response.status_code == 400
    assert "Nothing was saved" in response.get_data(as_text=True)
    assert rows(app) == before


@pytest.fixture
def xss_app(make_app, tmp_path):
    root = tmp_path / "questions"
    shutil.copytree(ROOT / "questions" / "openai-crisis", root / "openai-crisis")
    quizzes = root / "openai-crisis" / "quizzes.yaml"
    quizzes.write_text(quizzes.read_text(encoding="utf-8").replace('"Quick quiz"', f"'{XSS}'"), encoding="utf-8")
    return make_app(QUESTIONS_DIR=str(root))


def test_markup_in_a_question_file_is_refused_by_the_check(xss_app, tmp_path):
    result = load_bank(tmp_path / "questions" / "openai-crisis")
    assert result.bank is None
    assert any(issue.code == "unsafe_text" for issue in result.issues)
    assert "openai-crisis" not in xss_app.extensions["quiz_banks"].banks


@pytest.mark.parametrize("link", ["javascript:alert(1)", "JavaScript:void(0)", "data:text/html;base64,PHA+",
                                  "<a href=x>x</a>", "<!-- x -->"])
def test_script_and_data_links_in_files_are_refused(tmp_path, link):
    bank = tmp_path / "openai-crisis"
    shutil.copytree(ROOT / "questions" / "openai-crisis", bank)
    tags = bank / "tags.yaml"
    tags.write_text(tags.read_text(encoding="utf-8").replace("en: Analysis", f"en: '{link}'"), encoding="utf-8")
    issues = load_bank(bank).issues
    assert [i.code for i in issues if i.severity == "error"] == ["unsafe_text"]


def test_markup_that_reaches_a_page_is_escaped_everywhere(app, client, finished):
    """Even text that bypassed the check (a bank edited in place) is escaped, review included."""
    registry = app.extensions["quiz_banks"]
    bank = registry.banks["openai-crisis"]
    questions = {qid: q.model_copy(update={"prompt": q.prompt.model_copy(update={"fr": XSS, "en": XSS}),
                                            "explanation": q.explanation.model_copy(update={"fr": XSS, "en": XSS})})
                 for qid, q in bank.questions.items()}
    quizzes = {qid: q.model_copy(update={"title": q.title.model_copy(update={"fr": XSS})}) for qid, q in bank.quizzes.items()}
    registry.banks["openai-crisis"] = type(bank)(bank.id, bank.source, questions, quizzes, bank.files, bank.tags)
    student = QuizActions(app, app.test_client())
    student.start("quick")
    student.answer(1)
    pages = ["/", "/attempts", f"/a/{student.public_id}/1", f"/a/{student.public_id}/2",
             f"/a/{finished.public_id}/results"]
    for path in pages:
        who = client if finished.public_id in path else student.client
        html = who.get(path).get_data(as_text=True)
        assert "<script>" not in html and "<img src=x" not in html, path
    html = student.client.get(f"/a/{student.public_id}/2").get_data(as_text=True)
    assert str(escape(XSS)) in html


def test_markup_in_a_short_text_answer_is_stored_as_typed_and_escaped(app, client):
    registry = app.extensions["quiz_banks"]
    bank = registry.banks["openai-crisis"]
    quick = bank.quizzes["quick"]
    only_short = quick.model_copy(update={"select": quick.select.model_copy(update={"types": ["short_text"], "count": 2})})
    registry.banks["openai-crisis"] = type(bank)(bank.id, bank.source, bank.questions, {"quick": only_short},
                                                 bank.files, bank.tags)
    student = QuizActions(app, client)
    student.start("quick")
    student.answer(1, data={"answer": XSS})
    assert student.attempt().responses[0].answer == {"text": XSS}
    student.answer(2, data={"answer": "x"})
    for path in (f"/a/{student.public_id}/1", f"/a/{student.public_id}/results"):
        html = client.get(path).get_data(as_text=True)
        assert "<script>" not in html and str(escape(XSS)) in html, path


@pytest.mark.parametrize("answer", ["'; DROP TABLE response; --", "1 OR 1=1", "\" UNION SELECT * FROM attempt --"])
def test_sql_looking_answers_are_stored_literally(app, client, answer):
    student = QuizActions(app, client)
    student.start("full")
    n = next(n for n in range(1, 82) if student.question(n)[1].type == "short_text")
    student.answer(n, data={"answer": answer})
    assert student.attempt().responses[0].answer == {"text": answer}
    assert rows(app)[1] == 1  # the table is still there, with the one row


def get_routes(app, finished):
    """Every GET route of the app, with real values for its parameters."""
    values = {"bank_id": "openai-crisis", "public_id": finished.public_id, "n": 1, "code": "en", "filename": "quiz.css"}
    for rule in app.url_map.iter_rules():
        if "GET" in rule.methods:
            yield rule.endpoint, rule.build({a: values[a] for a in rule.arguments}, append_unknown=False)[1]


def test_security_headers_on_every_route(app, client, finished):
    seen = set()
    for endpoint, path in [*get_routes(app, finished), ("not-found", "/nowhere")]:
        with client.get(path + ("?next=/" if endpoint == "i18n.switch" else "")) as response:
            headers = response.headers
        assert "default-src 'self'" in headers["Content-Security-Policy"], path
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"], path
        assert headers["X-Content-Type-Options"] == "nosniff", path
        assert headers["Referrer-Policy"] == "same-origin", path
        seen.add(endpoint)
    assert {"student.index", "student.question", "student.results", "sources.article", "health.healthz"} <= seen


@pytest.mark.parametrize("lang, text", [("en", "What you sent is too large"),
                                        ("fr", "Ce que vous avez envoyé est trop volumineux")])
def test_a_body_over_the_limit_is_413(app, client, lang, text):
    body = {"csrf_token": "x" * (app.config["MAX_CONTENT_LENGTH"] + 1)}
    response = client.post("/start/openai-crisis/quick", data=body, headers={"Accept-Language": lang})
    assert response.status_code == 413 and text in response.get_data(as_text=True)
    assert rows(app) == (0, 0)


def test_session_cookie_is_httponly_and_samesite_lax(client):
    response = client.get("/lang/en?next=/")
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_the_app_refuses_to_serve_without_a_secret_key(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}"}
    done = subprocess.run([sys.executable, "-m", "gunicorn", "--bind", "127.0.0.1:0", "wsgi:app"], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 4  # gunicorn: "App failed to load", no restart loop
    assert "error: SECRET_KEY is not set" in done.stderr and "Traceback" not in done.stderr


def test_a_500_shows_no_traceback(app, client):
    @app.get("/explode")
    def explode():
        raise ValueError("database password is hunter2")

    app.config["PROPAGATE_EXCEPTIONS"] = False
    response = client.get("/explode")
    html = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "Traceback" not in html and "hunter2" not in html and "ValueError" not in html


def test_someone_elses_attempt_is_404(app, finished):
    intruder = app.test_client()
    token = csrf(intruder.get("/").get_data(as_text=True))
    for path in (f"/a/{finished.public_id}", f"/a/{finished.public_id}/1", f"/a/{finished.public_id}/results"):
        assert intruder.get(path).status_code == 404
    before = rows(app)
    assert intruder.post(f"/a/{finished.public_id}/retry", data={"csrf_token": token}).status_code == 404
    assert rows(app) == before


def test_extra_fields_are_ignored(app, client):
    student = QuizActions(app, client)
    student.start("quick")
    other = QuizActions(app, app.test_client())
    other.start("quick")
    entry, question = student.question(1)
    student.answer(1, data=form_for(question, entry["layout"], False),
                   extra={"points": "1", "score": "100", "correct": "true", "public_id": other.public_id,
                          "attempt_id": "1", "question_id": "x", "n": "2"})
    attempt = student.attempt()
    assert [r.question_id for r in attempt.responses] == [entry["q"]]
    assert attempt.responses[0].points < 1 and attempt.points == attempt.responses[0].points
    assert other.attempt().responses == []


def test_a_re_answer_changes_nothing(app, client):
    student = QuizActions(app, client)
    student.start("quick")
    student.answer(1, correct=False)
    first = student.attempt().responses[0]
    student.answer(1, correct=True)
    again = student.attempt().responses
    assert len(again) == 1 and again[0].answer == first.answer and again[0].points == first.points


def test_a_finished_attempt_changes_nothing(app, finished):
    before = finished.attempt()
    for n in range(1, 7):
        finished.answer(n, correct=True)
    after = finished.attempt()
    assert after.points == before.points
    assert [r.answer for r in after.responses] == [r.answer for r in before.responses]


def test_an_unsafe_yaml_tag_is_refused(tmp_path):
    bank = tmp_path / "openai-crisis"
    shutil.copytree(ROOT / "questions" / "openai-crisis", bank)
    marker = tmp_path / "pwned"
    tags = bank / "tags.yaml"
    tags.write_text(tags.read_text(encoding="utf-8") +
                    f"evil: !!python/object/apply:os.system ['touch {marker}']\n", encoding="utf-8")
    issues = load_bank(bank).issues
    assert any(i.code == "unsafe_tag" for i in issues)
    assert not marker.exists()


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example", "/\\evil.example", "http:evil.example"])
def test_the_language_switch_refuses_an_off_site_return(client, target):
    response = client.get("/lang/fr", query_string={"next": target})
    assert response.status_code == 400 and "Location" not in response.headers


def test_answer_posts_are_rate_limited_per_attempt(app, client):
    app.config["ANSWER_RATE_LIMIT"] = "5 per minute"
    student = QuizActions(app, client)
    student.start("quick")
    token = csrf(client.get("/").get_data(as_text=True))
    codes = [client.post(f"/a/{student.public_id}/1", data={"csrf_token": token}).status_code for _ in range(5)]
    assert codes == [400] * 5  # empty answers: refused, but counted
    limited = client.post(f"/a/{student.public_id}/1", data={"csrf_token": token}, headers={"Accept-Language": "fr"})
    assert limited.status_code == 429
    html = limited.get_data(as_text=True)
    assert "Trop de réponses à la fois" in html and "Veuillez patienter une minute" in html
    other = QuizActions(app, app.test_client())
    other.start("quick")
    assert other.answer(1).status_code == 302  # another attempt is not limited
    assert re.search(r"rate|limit", html, re.I) is None  # no English leak from the limiter
