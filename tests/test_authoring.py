"""Teachers' preview and reload while authoring."""

import shutil
from pathlib import Path

import pytest
from markupsafe import escape

REAL_BANK = Path(__file__).resolve().parent.parent / "questions" / "openai-crisis"


@pytest.fixture
def authoring(make_app, tmp_path):
    root = tmp_path / "questions"
    shutil.copytree(REAL_BANK, root / "openai-crisis")
    app = make_app(AUTHORING=True, QUESTIONS_DIR=str(root))
    return app, root / "openai-crisis"


def test_preview_is_404_without_authoring(client):
    assert client.get("/preview/openai-crisis").status_code == 404


def test_preview_shows_answers_feedback_explanations_side_by_side(authoring):
    app, _bank = authoring
    html = app.test_client().get("/preview/openai-crisis", headers={"Accept-Language": "en"}).get_data(as_text=True)
    bank = app.extensions["quiz_banks"].get("openai-crisis")
    question = bank.questions["murati-interim"]
    wrong = next(c for c in question.choices if c.feedback)
    for text in (question.prompt, question.explanation, wrong.feedback):
        assert escape(text.fr) in html and escape(text.en) in html
    assert "correct answer" in html and "bonne réponse" in html
    assert "21 of 21 passages cited" in html
    assert html.count('class="preview-question"') == len(bank.questions)


def test_preview_lists_uncited_passages(authoring):
    app, bank_dir = authoring
    source = bank_dir / "source.yaml"
    source.write_text(source.read_text() + "  - id: p-extra\n    fr: Un ajout.\n    en: An addition.\n")
    html = app.test_client().get("/preview/openai-crisis", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "Passages no question cites" in html and "p-extra" in html


def test_an_edit_is_picked_up_on_the_next_request(authoring):
    app, bank_dir = authoring
    client = app.test_client()
    quizzes = bank_dir / "quizzes.yaml"
    quizzes.write_text(quizzes.read_text().replace("Quick quiz", "Lightning round"))
    assert "Lightning round" in client.get("/", headers={"Accept-Language": "en"}).get_data(as_text=True)


def test_a_broken_edit_keeps_the_last_good_bank_and_shows_a_banner(authoring):
    app, bank_dir = authoring
    client = app.test_client()
    people = bank_dir / "questions" / "people.yaml"
    people.write_text(people.read_text().replace("  type: single", "  type: singel", 1))
    html = client.get("/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "Quick quiz" in html  # still served
    assert "unknown question type &#39;singel&#39;; did you mean &#39;single&#39;?" in html
    assert "questions/people.yaml:" in html


def test_a_broken_bank_is_not_served_at_start(make_app, tmp_path):
    root = tmp_path / "questions"
    shutil.copytree(REAL_BANK, root / "openai-crisis")
    shutil.copytree(REAL_BANK, root / "broken")
    (root / "broken" / "quizzes.yaml").write_text("- id: [\n")
    app = make_app(QUESTIONS_DIR=str(root))
    assert set(app.extensions["quiz_banks"].banks) == {"openai-crisis"}
    assert app.test_client().get("/sources/broken").status_code == 404
