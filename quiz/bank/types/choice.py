"""Questions answered by picking: single, multiple, true_false."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from ..messages import N_
from ..schema import Choice, QuestionBase
from .base import AnswerError, QuestionType, duplicates, one_value, register, shuffled


class SingleQuestion(QuestionBase):
    type: Literal["single"]
    choices: Annotated[list[Choice], Field(min_length=2)]


class MultipleQuestion(QuestionBase):
    type: Literal["multiple"]
    choices: Annotated[list[Choice], Field(min_length=2)]


class TrueFalseQuestion(QuestionBase):
    type: Literal["true_false"]
    answer: bool


class _Choices(QuestionType):
    def check(self, question):
        for i, choice_id in duplicates(c.id for c in question.choices):
            first = next(j for j, c in enumerate(question.choices) if c.id == choice_id)
            yield ("choices", i, "id"), "duplicate_id", {"what": "choice", "id": choice_id, "other_path": ("choices", first, "id")}

    def layout(self, question, rng, shuffle):
        return {"order": shuffled([c.id for c in question.choices], rng, shuffle)}

    def correct_ids(self, question) -> list[str]:
        return [c.id for c in question.choices if c.correct]

    def _known(self, question, picked: list[str]) -> list[str]:
        known = {c.id for c in question.choices}
        if any(p not in known for p in picked):
            raise AnswerError(N_("This choice is not one of the question's choices."))
        return picked


@register
class Single(_Choices):
    """One correct choice among several: 1 point or 0."""

    name = "single"
    model = SingleQuestion

    def check(self, question):
        yield from super().check(question)
        correct = [i for i, c in enumerate(question.choices) if c.correct]
        if not correct:
            yield ("choices",), "single_no_correct", {}
        for i in correct[1:]:
            yield ("choices", i, "correct"), "single_many_correct", {"count": len(correct)}

    def parse(self, question, layout, form):
        return {"choice": self._known(question, [one_value(form)])[0]}

    def score(self, question, answer):
        return 1.0 if answer.get("choice") in self.correct_ids(question) else 0.0


@register
class Multiple(_Choices):
    """Several correct choices: +1/k per correct pick, -1/k per wrong pick, never below 0."""

    name = "multiple"
    model = MultipleQuestion

    def check(self, question):
        yield from super().check(question)
        if not any(c.correct for c in question.choices):
            yield ("choices",), "multiple_no_correct", {}

    def parse(self, question, layout, form):
        picked = form.getlist("answer")
        if not picked:
            raise AnswerError(N_("Please select at least one choice before submitting."))
        if len(set(picked)) != len(picked):
            raise AnswerError(N_("The same choice was sent twice."))
        return {"choices": self._known(question, picked)}

    def score(self, question, answer):
        correct = set(self.correct_ids(question))
        picked = set(answer.get("choices", []))
        k = len(correct)
        raw = (len(picked & correct) - len(picked - correct)) / k
        return max(0.0, round(raw, 6))


@register
class TrueFalse(QuestionType):
    """A statement that is true or false: 1 point or 0."""

    name = "true_false"
    model = TrueFalseQuestion

    def parse(self, question, layout, form):
        value = one_value(form)
        if value not in ("true", "false"):
            raise AnswerError(N_("The answer must be true or false."))
        return {"value": value == "true"}

    def score(self, question, answer):
        return 1.0 if answer.get("value") is question.answer else 0.0
