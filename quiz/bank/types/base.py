"""The contract every question type fulfils, and the registry that finds it by name."""

from __future__ import annotations

import random
from abc import ABC, abstractmethod
from collections.abc import Iterator
from typing import ClassVar

from ..messages import N_
from ..schema import QuestionBase

# A problem in a question: (path inside the question, message code, parameters).
Finding = tuple[tuple, str, dict]

MAX_TEXT_ANSWER = 1000


class AnswerError(ValueError):
    """A submission that cannot be scored; ``message`` is an English msgid to translate."""

    def __init__(self, message: str, **params):
        super().__init__(message % params if params else message)
        self.message = message
        self.params = params


class QuestionType(ABC):
    """One kind of question: its file format, its checks, its form, its scoring.

    ``layout`` fixes what a student sees (choice order, ...) and is stored with the attempt;
    ``parse`` turns a submitted form into a JSON-able answer or raises AnswerError;
    ``score`` gives the points of an answer, between 0 and 1.
    """

    name: ClassVar[str]
    model: ClassVar[type[QuestionBase]]

    @property
    def template(self) -> str:
        return f"questions/{self.name}.html"

    def check(self, question) -> Iterator[Finding]:
        return iter(())

    def passage_refs(self, question) -> Iterator[tuple[tuple, str]]:
        """Every passage id the question refers to, with its path."""
        for i, pid in enumerate(question.passages):
            yield ("passages", i), pid

    def layout(self, question, rng: random.Random, shuffle: bool) -> dict:
        return {}

    @abstractmethod
    def parse(self, question, layout: dict, form) -> dict: ...

    @abstractmethod
    def score(self, question, answer: dict) -> float: ...


REGISTRY: dict[str, QuestionType] = {}


def register(cls):
    REGISTRY[cls.name] = cls()
    return cls


def shuffled(ids: list[str], rng: random.Random, shuffle: bool) -> list[str]:
    ids = list(ids)
    if shuffle:
        rng.shuffle(ids)
    return ids


def one_value(form, name: str = "answer") -> str:
    values = form.getlist(name)
    if not values or not values[0].strip():
        raise AnswerError(N_("Please give an answer before submitting."))
    if len(values) > 1:
        raise AnswerError(N_("Only one answer can be given to this question."))
    if len(values[0]) > MAX_TEXT_ANSWER:
        raise AnswerError(N_("The answer is too long (%(limit)s characters at most)."), limit=MAX_TEXT_ANSWER)
    return values[0]


def duplicates(values) -> Iterator[tuple[int, object]]:
    """(index, value) of every value already seen earlier in ``values``."""
    seen = set()
    for i, value in enumerate(values):
        if value in seen:
            yield i, value
        seen.add(value)
