"""Question types: one class each, found by name in REGISTRY.

To add a type: write its class (model, check, layout, parse, score) in a module here,
decorate it with @register, import the module below, and add templates/questions/<name>.html.
"""

from typing import Annotated, Union

from pydantic import Field, TypeAdapter

from . import arrange, choice, evidence, typed  # noqa: F401  (registers the types)
from .base import REGISTRY, AnswerError, QuestionType

_MODELS = tuple(t.model for t in REGISTRY.values())
# Built from the registry, so a new type joins the file format without touching this line.
Question = Annotated[Union[_MODELS], Field(discriminator="type")]  # noqa: UP007
QUESTION = TypeAdapter(Question)
TYPE_NAMES = tuple(REGISTRY)


def of(question) -> QuestionType:
    return REGISTRY[question.type]


__all__ = ["REGISTRY", "AnswerError", "QUESTION", "Question", "QuestionType", "TYPE_NAMES", "of"]
