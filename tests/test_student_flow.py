"""A student takes quizzes through the test client, as a browser would."""

import re
import threading

import pytest
from markupsafe import escape
from sqlalchemy import func, select

from quiz.extensions import db
from quiz.models import Attempt, Response

from .conftest import csrf


def count_responses(app):
    with app.app_context():
        return db.session.scalar(select(func.count(Response.id)))


def shown(points: float) -> str:
    """Points as the English pages print them (two decimals at most)."""
    return f"{round(points, 2):g}"


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_home_lists_every_quiz_with_its_source(client):
    html = client.get("/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    for title in ("Quick quiz", "Who&#39;s who?", "Timeline of the crisis", "The whole bank"):
        assert title in html
    assert "10 questions · about 8 minutes" in text_of(html)
    assert "Search Engine Land, November 20, 2023" in text_of(html)
    assert html.count('type="submit"') == 4
    fr = client.get("/", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert "10 questions · environ 8 minutes" in text_of(fr) and "Quiz éclair" in fr


def test_start_creates_an_unguessable_attempt_in_this_browser(app, student):
    response = student.start("quick")
    assert re.fullmatch(r"/a/[A-Za-z0-9_-]{32}/1", response.headers["Location"])  # 192 random bits
    attempt = student.attempt()
    assert len(attempt.plan) == 10 and attempt.locale == "fr" and not attempt.finished
    page = student.page(1).get_data(as_text=True)
    assert "Question 1 sur 10" in page and '<progress max="10" value="0"' in page
    assert "<fieldset" in page and "<legend>" in page


def test_start_without_csrf_is_refused_and_creates_nothing(app, client):
    response = client.post("/start/openai-crisis/quick", headers={"Accept-Language": "en"})
    assert response.status_code == 400
    assert "Nothing was saved" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count(Attempt.id))) == 0


def test_unknown_quiz_is_404(student):
    home = student.get("/").get_data(as_text=True)
    assert student.client.post("/start/openai-crisis/nope", data={"csrf_token": csrf(home)}).status_code == 404


def take(student, n_questions, correct=lambda n: n % 2 == 1, switch_at=None):
    for n in range(1, n_questions + 1):
        if n == switch_at:
            other = "en" if student.lang == "fr" else "fr"
            student.switch(other, f"/a/{student.public_id}/{n}")
        response = student.answer(n, correct=correct(n))
        assert response.status_code == 302, response.get_data(as_text=True)


def test_whole_quiz_in_french_with_a_switch_to_english_half_way(app, student):
    student.start("quick")
    plan = student.attempt().plan
    take(student, 5)
    before = student.attempt()
    assert len(before.responses) == 5
    # The switch shows the same page in English; progress and answers are unchanged.
    switched = student.switch("en", f"/a/{student.public_id}/6")
    assert switched.headers["Location"] == f"/a/{student.public_id}/6"
    page = student.page(6).get_data(as_text=True)
    assert '<html lang="en">' in page and "Question 6 of 10" in page and 'value="5"' in page
    take_rest = [student.answer(n, correct=(n % 2 == 1)) for n in range(6, 11)]
    assert all(r.status_code == 302 for r in take_rest)
    attempt = student.attempt()
    assert attempt.finished and [r.question_id for r in attempt.responses] == [e["q"] for e in plan]
    assert attempt.points == pytest.approx(sum(r.points for r in attempt.responses))
    assert attempt.points >= 5 and attempt.max_points == 10
    results = student.get(f"/a/{student.public_id}/results", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert f"{shown(attempt.points)} out of 10 points" in text_of(results)
    history = student.get("/attempts").get_data(as_text=True)
    assert f"/a/{student.public_id}/results" in history


def test_results_show_the_stored_score_and_every_question(app, student):
    student.start("chronology")
    take(student, 6, correct=lambda n: n <= 3)
    attempt = student.attempt()
    html = student.get(f"/a/{student.public_id}/results", headers={"Accept-Language": "en"}).get_data(as_text=True)
    text = text_of(html)
    assert f"{shown(attempt.points)} out of 6 points" in text
    assert html.count('class="feedback"') == 6
    assert "edited since" not in html and "removed from the bank" not in html  # nothing changed
    assert "Score by topic" in html and "<progress" in html
    missed = sum(1 for r in attempt.responses if r.points < 1)
    assert missed >= 3 and f"Retry the {missed} questions I missed" in text
    for response in attempt.responses:
        assert str(escape(response.question["explanation"]["en"])) in html


def test_immediate_feedback_quotes_the_passage_with_the_original_beside_the_translation(app, student):
    student.start("quick")
    student.answer(1, correct=False)
    entry, question = student.question(1)
    html = student.get(f"/a/{student.public_id}/1", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "Not quite." in html or "Partly right." in html
    assert str(escape(question.explanation.en)) in html
    from quiz.banks import get_bank

    with app.app_context():
        passage = get_bank("openai-crisis").passages[question.passages[0]]
    assert f'<blockquote lang="en">{escape(passage.en)}</blockquote>' in html
    assert f'<blockquote class="original" lang="fr">{escape(passage.fr)}</blockquote>' in html
    assert f'/sources/openai-crisis?back=/a/{student.public_id}/1#{passage.id}' in html
    assert "Read it in the article" in html
    fr = student.get(f"/a/{student.public_id}/1").get_data(as_text=True)
    assert f'<blockquote lang="fr">{escape(passage.fr)}</blockquote>' in fr and "Le lire dans l’article" in fr


def test_right_answer_says_so_in_text(student):
    student.start("quick")
    student.answer(1, correct=True)
    html = student.page(1).get_data(as_text=True)
    assert "Bonne réponse !" in html and "✓" in html


def test_feedback_at_the_end_goes_straight_on(app, student):
    student.start("full")
    response = student.answer(1)
    assert response.headers["Location"] == f"/a/{student.public_id}"
    assert student.get(f"/a/{student.public_id}").headers["Location"] == f"/a/{student.public_id}/2"
    assert student.page(1).status_code == 302  # no feedback page in this mode


def test_article_reader(client):
    en = client.get("/sources/openai-crisis?back=/a/x/1", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert 'id="p-murati-interim"' in en
    assert '<p class="original" lang="fr">' in en and '<p lang="en">' in en
    assert "Facts as of November 20, 2023" in en and 'href="/a/x/1"' in en
    fr = client.get("/sources/openai-crisis", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert 'class="original"' not in fr and "20 novembre 2023" in fr
    off_site = client.get("/sources/openai-crisis?back=https://evil.example/").get_data(as_text=True)
    assert 'href="https://evil.example/"' not in off_site and "Back to the question" not in off_site


def test_resume_after_leaving(app, client, student):
    student.start("quick")
    take(student, 3)
    home = student.get("/").get_data(as_text=True)
    assert "Reprendre là où vous en étiez" in home and "3 sur 10 répondues" in home
    assert student.get(f"/a/{student.public_id}").headers["Location"] == f"/a/{student.public_id}/4"


def test_retry_the_missed_questions(app, student):
    student.start("quick")
    take(student, 10, correct=lambda n: n not in (2, 5, 7))
    first = student.attempt()
    missed = sorted(r.question_id for r in first.responses if r.points < 1)
    results = student.get(f"/a/{student.public_id}/results").get_data(as_text=True)
    response = student.client.post(f"/a/{student.public_id}/retry", data={"csrf_token": csrf(results)})
    assert response.status_code == 302
    student.public_id = response.headers["Location"].split("/")[2]
    retry = student.attempt()
    assert sorted(e["q"] for e in retry.plan) == missed
    assert retry.retry_of == first.public_id



def test_two_racing_submissions_leave_one_response(app, student):
    student.start("quick")
    page = student.page(1).get_data(as_text=True)
    entry, question = student.question(1)
    from .helpers import form_for

    data = {"csrf_token": csrf(page), **form_for(question, entry["layout"], True)}
    cookie = student.client.get_cookie("session").value
    barrier = threading.Barrier(4)
    codes = []

    def submit():
        client = app.test_client()
        client.set_cookie("session", cookie)
        barrier.wait()
        codes.append(client.post(f"/a/{student.public_id}/1", data=data).status_code)

    threads = [threading.Thread(target=submit) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert codes == [302] * 4
    assert count_responses(app) == 1


def test_no_page_reveals_the_answer_before_it_is_given(app, student):
    student.start("full")
    from quiz.banks import get_bank

    with app.app_context():
        bank = get_bank("openai-crisis")
    for n, entry in enumerate(student.attempt().plan, start=1):
        question = bank.questions[entry["q"]]
        html = re.search(r"<form.*</form>", student.page(n).get_data(as_text=True), re.S).group(0)
        markup = " ".join(re.findall(r"<[^>]+>", html))
        assert "correct" not in markup and "is-right" not in markup, question.id
        secrets = [question.explanation.fr, question.explanation.en]
        secrets += [c.feedback.fr for c in getattr(question, "choices", []) if c.feedback]
        if question.type == "short_text":
            secrets += [a for a in question.accept.fr + question.accept.en if a not in question.prompt.fr + question.prompt.en]
        for secret in secrets:
            assert str(escape(secret)) not in html, (question.id, secret)
        if question.type == "ordering":
            shown = re.findall(r'name="pos-([^"]+)"', html)
            assert shown != [item.id for item in question.items]
        student.answer(n)





MALFORMED = {
    "single": [({}, "Veuillez répondre avant de valider."), ({"answer": "nope"}, "Ce choix ne fait pas partie")],
    "multiple": [({}, "Veuillez cocher au moins une réponse"), ({"answer": ["nope"]}, "Ce choix ne fait pas partie")],
    "true_false": [({"answer": "peut-être"}, "La réponse doit être vrai ou faux.")],
    "short_text": [({"answer": "x" * 1001}, "La réponse est trop longue (1000 caractères au maximum).")],
    "numeric": [({"answer": "douze"}, "Veuillez saisir un nombre"), ({"answer": "1e999"}, "Veuillez saisir un nombre")],
    "ordering": [({}, "Veuillez donner à chaque élément une position")],
    "matching": [({}, "Veuillez choisir une correspondance pour chaque élément.")],
    "evidence": [({"answer": "p-nowhere"}, "Ce choix ne fait pas partie")],
}


def test_malformed_answers_are_400_with_a_message_and_nothing_is_stored(app, student):
    student.start("full")
    seen = set()
    for n in range(1, len(student.attempt().plan) + 1):
        _entry, question = student.question(n)
        if question.type in seen:
            continue
        seen.add(question.type)
        for form, message in MALFORMED[question.type]:
            response = student.answer(n, data=form)
            html = response.get_data(as_text=True)
            assert response.status_code == 400, (question.type, form)
            assert message in html, (question.type, html[-2000:])
            assert 'role="alert"' in html and "<fieldset" in html  # the question again, to fix the answer
        assert count_responses(app) == 0
    assert seen == set(MALFORMED)


def test_short_text_answers_are_accepted_in_either_language(app, student):
    student.start("full")
    for n in range(1, len(student.attempt().plan) + 1):
        _entry, question = student.question(n)
        if question.type == "short_text":
            english = question.accept.en[0]
            student.answer(n, data={"answer": english})
            assert student.attempt().responses[-1].points == 1
            return
    raise AssertionError("no short_text question in the bank")



def test_results_survive_an_edited_and_a_removed_question(app, student):
    student.start("chronology")
    take(student, 6)
    attempt = student.attempt()
    registry = app.extensions["quiz_banks"]
    bank = registry.banks["openai-crisis"]
    edited_id, removed_id = attempt.plan[0]["q"], attempt.plan[1]["q"]
    questions = dict(bank.questions)
    edited = questions[edited_id]
    questions[edited_id] = edited.model_copy(update={"prompt": edited.prompt.model_copy(update={"en": "Changed?"})})
    del questions[removed_id]
    registry.banks["openai-crisis"] = type(bank)(bank.id, bank.source, questions, bank.quizzes, bank.files, bank.tags)
    html = student.get(f"/a/{student.public_id}/results", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "This question has been edited since you answered it" in html
    assert "This question has since been removed from the bank" in html
    assert str(escape(edited.prompt.en)) in html and "Changed?" not in html
    assert f"{shown(attempt.points)} out of 6 points" in text_of(html)


def test_question_edited_mid_attempt_still_works(app, student):
    student.start("full")
    registry = app.extensions["quiz_banks"]
    bank = registry.banks["openai-crisis"]
    plan = student.attempt().plan
    n, entry = next((i, e) for i, e in enumerate(plan, start=1) if bank.questions[e["q"]].type == "single")
    question = bank.questions[entry["q"]]
    renamed = [c.model_copy(update={"id": c.id + "-v2"}) for c in question.choices]
    questions = dict(bank.questions)
    questions[question.id] = question.model_copy(update={"choices": renamed})
    registry.banks["openai-crisis"] = type(bank)(bank.id, bank.source, questions, bank.quizzes, bank.files, bank.tags)
    page = student.page(n).get_data(as_text=True)
    assert "-v2" in page
    right = next(c.id for c in renamed if c.correct)
    response = student.answer(n, data={"answer": right})
    assert response.status_code == 302
    assert student.attempt().responses[-1].points == 1
    assert student.attempt().responses[-1].layout["order"] != entry["layout"]["order"]  # the ids shown
