"""Evidence questions: a claim, passages offered as quotations, and the one that supports it."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from ..messages import N_
from ..schema import Id, QuestionBase
from .base import AnswerError, QuestionType, duplicates, one_value, register, shuffled


class EvidenceQuestion(QuestionBase):
    type: Literal["evidence"]
    offered: Annotated[list[Id], Field(min_length=1)]
    supporting: Id


@register
class Evidence(QuestionType):
    """Pick the passage that supports the claim: 1 point or 0."""

    name = "evidence"
    model = EvidenceQuestion

    def check(self, question):
        if len(question.offered) < 2:
            yield ("offered",), "evidence_too_few", {"count": len(question.offered)}
        for i, pid in duplicates(question.offered):
            yield ("offered", i), "duplicate_id", {"what": "passage", "id": pid, "other_path": ("offered", question.offered.index(pid))}
        if question.supporting not in question.offered:
            yield ("supporting",), "evidence_not_offered", {"id": question.supporting}

    def passage_refs(self, question):
        yield from super().passage_refs(question)
        for i, pid in enumerate(question.offered):
            yield ("offered", i), pid
        yield ("supporting",), question.supporting

    def layout(self, question, rng, shuffle):
        return {"order": shuffled(question.offered, rng, shuffle)}

    def parse(self, question, layout, form):
        value = one_value(form)
        if value not in question.offered:
            raise AnswerError(N_("This choice is not one of the question's choices."))
        return {"passage": value}

    def score(self, question, answer):
        return 1.0 if answer.get("passage") == question.supporting else 0.0
