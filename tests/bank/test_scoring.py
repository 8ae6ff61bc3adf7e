"""Scoring rules of every type, edges included (the rules the authoring guide states)."""

import random

import pytest
from werkzeug.datastructures import MultiDict

from quiz.bank import types as qtypes
from quiz.bank.types.typed import fold

BASE = {"passages": ["p-one"], "difficulty": 1, "prompt": {"fr": "Q ?", "en": "Q?"},
        "explanation": {"fr": "E.", "en": "E."}}


def make(**fields):
    return qtypes.QUESTION.validate_python({"id": "q", **BASE, **fields})


def choices(correct: str, ids="abcde"):
    return [{"id": i, "fr": i.upper(), "en": i.upper(), "correct": i in correct} for i in ids]


SINGLE = make(type="single", choices=choices("b", "abc"))
MULTIPLE = make(type="multiple", choices=choices("abc", "abcde"))
TRUE_FALSE = make(type="true_false", answer=False)
SHORT = make(type="short_text", accept={"fr": ["Satya Nadella", "Nadella"], "en": ["Nadella"]})
NUMERIC = make(type="numeric", answer=770, tolerance=5)
EXACT = make(type="numeric", answer=4)
ORDERING = make(type="ordering", items=[{"id": i, "fr": i, "en": i} for i in "abcd"])
MATCHING = make(type="matching", pairs=[{"id": i, "left": {"fr": i, "en": i}, "right": {"fr": i * 2, "en": i * 2}}
                                        for i in "abcd"])
EVIDENCE = make(type="evidence", passages=["p-two"], offered=["p-one", "p-two", "p-three"], supporting="p-two")

SCORES = [
    (SINGLE, {"choice": "b"}, 1.0), (SINGLE, {"choice": "a"}, 0.0),
    (MULTIPLE, {"choices": ["a", "b", "c"]}, 1.0),
    (MULTIPLE, {"choices": ["a", "b"]}, 2 / 3),
    (MULTIPLE, {"choices": ["a", "b", "c", "d"]}, 2 / 3),
    (MULTIPLE, {"choices": ["a", "d"]}, 0.0),
    (MULTIPLE, {"choices": ["a", "d", "e"]}, 0.0),  # floor at 0, never negative
    (MULTIPLE, {"choices": ["a", "b", "c", "d", "e"]}, 1 / 3),
    (TRUE_FALSE, {"value": False}, 1.0), (TRUE_FALSE, {"value": True}, 0.0),
    (SHORT, {"text": "Nadella"}, 1.0), (SHORT, {"text": "  satya   NADELLA !"}, 1.0),
    (SHORT, {"text": "nadellà"}, 1.0), (SHORT, {"text": "Satya"}, 0.0), (SHORT, {"text": ""}, 0.0),
    (NUMERIC, {"value": 770}, 1.0), (NUMERIC, {"value": 765}, 1.0), (NUMERIC, {"value": 775}, 1.0),
    (NUMERIC, {"value": 764.9}, 0.0), (EXACT, {"value": 4}, 1.0), (EXACT, {"value": 4.01}, 0.0),
    (ORDERING, {"order": ["a", "b", "c", "d"]}, 1.0), (ORDERING, {"order": ["b", "a", "c", "d"]}, 0.5),
    (ORDERING, {"order": ["d", "c", "b", "a"]}, 0.0), (ORDERING, {"order": ["a", "c", "d", "b"]}, 0.25),
    (MATCHING, {"pairs": {"a": "a", "b": "b", "c": "c", "d": "d"}}, 1.0),
    (MATCHING, {"pairs": {"a": "b", "b": "a", "c": "c", "d": "d"}}, 0.5),
    (MATCHING, {"pairs": {"a": "b", "b": "c", "c": "d", "d": "a"}}, 0.0),
    (EVIDENCE, {"passage": "p-two"}, 1.0), (EVIDENCE, {"passage": "p-one"}, 0.0),
]


@pytest.mark.parametrize("question, answer, expected", SCORES,
                         ids=[f"{q.type}-{i}" for i, (q, _a, _e) in enumerate(SCORES)])
def test_score(question, answer, expected):
    assert qtypes.of(question).score(question, answer) == pytest.approx(expected, abs=1e-6)


def parse(question, **form):
    layout = qtypes.of(question).layout(question, random.Random(1), True)
    return qtypes.of(question).parse(question, layout, MultiDict(form))


PARSES = [
    (SINGLE, {"answer": "a"}, {"choice": "a"}),
    (MULTIPLE, {"answer": ["a", "c"]}, {"choices": ["a", "c"]}),
    (TRUE_FALSE, {"answer": "false"}, {"value": False}),
    (SHORT, {"answer": "  Nadella "}, {"text": "Nadella"}),
    (NUMERIC, {"answer": "10,5"}, {"value": 10.5}),
    (NUMERIC, {"answer": "1 000"}, {"value": 1000.0}),
    (NUMERIC, {"answer": "0,500"}, {"value": 0.5}),
    (NUMERIC, {"answer": "-3"}, {"value": -3.0}),
    (ORDERING, {"pos-a": "2", "pos-b": "1", "pos-c": "3", "pos-d": "4"}, {"order": ["b", "a", "c", "d"]}),
    (MATCHING, {"match-a": "b", "match-b": "a", "match-c": "c", "match-d": "d"},
     {"pairs": {"a": "b", "b": "a", "c": "c", "d": "d"}}),
    (EVIDENCE, {"answer": "p-three"}, {"passage": "p-three"}),
]


@pytest.mark.parametrize("question, form, expected", PARSES, ids=[q.type for q, _f, _e in PARSES])
def test_parse(question, form, expected):
    assert parse(question, **form) == expected


MALFORMED = [
    (SINGLE, {}, "Please give an answer before submitting."),
    (SINGLE, {"answer": "z"}, "This choice is not one of the question's choices."),
    (SINGLE, {"answer": ["a", "b"]}, "Only one answer can be given to this question."),
    (MULTIPLE, {}, "Please select at least one choice before submitting."),
    (MULTIPLE, {"answer": ["a", "a"]}, "The same choice was sent twice."),
    (TRUE_FALSE, {"answer": "maybe"}, "The answer must be true or false."),
    (SHORT, {"answer": "x" * 1001}, "The answer is too long (1000 characters at most)."),
    (NUMERIC, {"answer": "ten"}, "Please enter a number, for example 42 or 3.5."),
    (NUMERIC, {"answer": "nan"}, "Please enter a number, for example 42 or 3.5."),
    (NUMERIC, {"answer": "1,000"}, "Please write the number without a thousands separator, for example 1000."),
    (NUMERIC, {"answer": "inf"}, "Please enter a number, for example 42 or 3.5."),
    (ORDERING, {"pos-a": "1", "pos-b": "1", "pos-c": "3", "pos-d": "4"}, "Each position can be used only once."),
    (ORDERING, {"pos-a": "1", "pos-b": "2", "pos-c": "3"}, "Please give every item a position from 1 to 4."),
    (ORDERING, {"pos-a": "1", "pos-b": "2", "pos-c": "3", "pos-d": "9"}, "Please give every item a position from 1 to 4."),
    (MATCHING, {"match-a": "b", "match-b": "a", "match-c": "c"}, "Please choose a match for every item."),
    (MATCHING, {"match-a": "z", "match-b": "a", "match-c": "c", "match-d": "d"},
     "This choice is not one of the question's choices."),
    (EVIDENCE, {"answer": "p-nine"}, "This choice is not one of the question's choices."),
]


@pytest.mark.parametrize("question, form, message", MALFORMED, ids=[f"{q.type}-{i}" for i, (q, _f, _m) in enumerate(MALFORMED)])
def test_malformed_answers_are_refused_with_a_message(question, form, message):
    with pytest.raises(qtypes.AnswerError) as raised:
        parse(question, **form)
    assert raised.value.message % raised.value.params == message


def test_fold_ignores_case_accents_punctuation_and_spaces():
    assert fold("  Émmett  Shear ! ") == fold("emmett-shear") == "emmettshear"


def test_ordering_layout_never_shows_the_answer():
    for seed in range(50):
        layout = qtypes.of(ORDERING).layout(ORDERING, random.Random(seed), True)
        assert layout["order"] != ["a", "b", "c", "d"]
        assert sorted(layout["order"]) == ["a", "b", "c", "d"]
