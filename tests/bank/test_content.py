"""The shipped OpenAI crisis bank: complete, bilingual, true to the article."""

import re
from collections import Counter
from pathlib import Path

import pytest

from quiz.bank import types as qtypes
from quiz.bank.load import load_bank

BANK_DIR = Path(__file__).resolve().parents[2] / "questions" / "openai-crisis"
RESULT = load_bank(BANK_DIR)
BANK = RESULT.bank


def test_the_shipped_bank_has_no_error_and_no_warning():
    assert [issue.format() for issue in RESULT.issues] == []


def article_paragraphs() -> list[str]:
    """The seed article's body: one entry per paragraph or bullet, markers stripped."""
    lines = (BANK_DIR / "source.fr.txt").read_text(encoding="utf-8").splitlines()
    body = [line.strip() for line in lines[1:] if line.strip()]
    body = body[: body.index("Newsletter")]
    return [line.removeprefix("•").strip() for line in body]


def test_french_passages_are_the_article_verbatim_and_in_order():
    assert [p.fr for p in BANK.source.passages] == article_paragraphs()


def test_title_is_the_article_title():
    first_line = (BANK_DIR / "source.fr.txt").read_text(encoding="utf-8").splitlines()[0].strip()
    assert BANK.source.title.fr == first_line


def test_every_passage_is_cited():
    assert {p.id for p in BANK.source.passages} <= BANK.cited()


def test_size_and_mix():
    questions = list(BANK.questions.values())
    assert len(questions) >= 60
    per_type = Counter(q.type for q in questions)
    assert set(per_type) == set(qtypes.REGISTRY)
    assert min(per_type.values()) >= 4, per_type
    per_level = Counter(q.difficulty for q in questions)
    for level in (1, 2, 3):
        assert per_level[level] / len(questions) >= 0.15, per_level


@pytest.mark.parametrize("question", list(BANK.questions.values()), ids=lambda q: q.id)
def test_question_is_bilingual_and_explains_in_one_to_three_sentences(question):
    assert question.prompt.fr.strip() != question.prompt.en.strip()
    for lang in ("fr", "en"):
        text = question.explanation.get(lang)
        sentences = [s for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý«“\"])", text.strip()) if s]
        assert 1 <= len(sentences) <= 3, (lang, text)
        assert text.rstrip()[-1] in ".!?»”\"", (lang, text)


@pytest.mark.parametrize("question", [q for q in BANK.questions.values() if q.type == "evidence"], ids=lambda q: q.id)
def test_evidence_cites_its_supporting_passage(question):
    assert question.supporting in question.passages


def test_quizzes():
    quizzes = BANK.quizzes
    assert {"quick", "whos-who", "chronology", "full"} <= set(quizzes)
    assert quizzes["quick"].select.count == 10
    assert quizzes["whos-who"].select.tags == ["people"]
    assert quizzes["chronology"].select.tags == ["chronology"]
    full = quizzes["full"].select
    assert not (full.count or full.tags or full.types or full.difficulty)


def test_article_date_is_the_as_of_date():
    assert str(BANK.source.published) == "2023-11-20" and str(BANK.source.as_of) == "2023-11-20"
