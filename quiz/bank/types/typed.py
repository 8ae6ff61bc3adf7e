"""Questions answered by typing: short_text and numeric."""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Literal

from pydantic import BaseModel, ConfigDict

from ..messages import N_
from ..schema import QuestionBase, Str, Text
from .base import AnswerError, QuestionType, one_value, register


class Accepted(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    fr: list[Str] = []
    en: list[Str] = []


class ShortTextQuestion(QuestionBase):
    type: Literal["short_text"]
    accept: Accepted


class NumericQuestion(QuestionBase):
    type: Literal["numeric"]
    answer: float
    tolerance: float = 0.0
    unit: Text | None = None


_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)
_THOUSANDS = re.compile(r"^[+-]?[1-9]\d{0,2}(,\d{3})+$")


def fold(text: str) -> str:
    """Compare answers without case, accents, punctuation or spaces: "Émmett  Shear!" == "emmettshear"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NOT_WORD.sub("", stripped)


@register
class ShortText(QuestionType):
    """A few words typed in: 1 point if they match an accepted answer of either language."""

    name = "short_text"
    model = ShortTextQuestion

    def check(self, question):
        for lang in ("fr", "en"):
            if not getattr(question.accept, lang):
                yield ("accept", lang), "short_text_no_answers", {"language": lang}

    def parse(self, question, layout, form):
        return {"text": one_value(form).strip()}

    def score(self, question, answer):
        given = fold(answer.get("text", ""))
        accepted = {fold(a) for a in (*question.accept.fr, *question.accept.en)}
        return 1.0 if given and given in accepted else 0.0


@register
class Numeric(QuestionType):
    """A number: 1 point if it is within the tolerance of the answer."""

    name = "numeric"
    model = NumericQuestion

    def check(self, question):
        if question.tolerance < 0:
            yield ("tolerance",), "negative_tolerance", {"value": question.tolerance}

    def parse(self, question, layout, form):
        raw = one_value(form).strip().replace("\u202f", "").replace("\xa0", "").replace(" ", "")
        # French writes 10,5 where English writes 10.5, so a comma is a decimal point; but
        # "1,000" means a thousand to an English reader and 1 to a French one: ask.
        if _THOUSANDS.match(raw):
            raise AnswerError(N_("Please write the number without a thousands separator, for example 1000."))
        try:
            value = float(raw.replace(",", "."))
        except ValueError:
            raise AnswerError(N_("Please enter a number, for example 42 or 3.5.")) from None
        if not math.isfinite(value):
            raise AnswerError(N_("Please enter a number, for example 42 or 3.5."))
        return {"value": value}

    def score(self, question, answer):
        value = answer.get("value")
        if not isinstance(value, (int, float)):
            return 0.0
        return 1.0 if abs(value - question.answer) <= question.tolerance + 1e-9 else 0.0
