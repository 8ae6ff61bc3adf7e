import textwrap
from pathlib import Path

import pytest

SOURCE = """\
title: {fr: Un titre, en: A title}
outlet: Le Journal
published: 2023-11-20
as_of: 2023-11-20
language: fr
passages:
  - id: p-one
    fr: Premier passage.
    en: First passage.
  - id: p-two
    fr: Deuxième passage.
    en: Second passage.
"""

QUESTIONS = """\
- id: q-single
  type: single
  passages: [p-one]
  difficulty: 1
  tags: [people]
  prompt: {fr: Qui ?, en: Who?}
  explanation: {fr: Parce que., en: Because.}
  choices:
    - {id: a, fr: Alice, en: Alice, correct: true}
    - {id: b, fr: Bob, en: Bob}
- id: q-tf
  type: true_false
  passages: [p-two]
  difficulty: 2
  tags: [dates]
  prompt: {fr: C’est vrai., en: It is true.}
  explanation: {fr: Parce que., en: Because.}
  answer: true
"""

QUIZZES = """\
- id: all
  title: {fr: Tout, en: All}
  description: {fr: Toutes les questions., en: Every question.}
  select: {count: 2}
"""


def write_bank(root: Path, source=SOURCE, questions=QUESTIONS, quizzes=QUIZZES, name="demo") -> Path:
    bank = root / name
    (bank / "questions").mkdir(parents=True)
    (bank / "source.yaml").write_text(textwrap.dedent(source), encoding="utf-8")
    (bank / "questions" / "q.yaml").write_text(textwrap.dedent(questions), encoding="utf-8")
    (bank / "quizzes.yaml").write_text(textwrap.dedent(quizzes), encoding="utf-8")
    return bank


@pytest.fixture
def bank_dir(tmp_path):
    return write_bank(tmp_path)
