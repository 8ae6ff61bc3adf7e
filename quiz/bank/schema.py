"""The file format, as pydantic models. ``flask quiz schema`` exports them as JSON Schema.

Keys are English; every text a student reads is a ``Text`` with French and English side by
side. Rules that need more than one field (one correct choice, no repeated item, ...) live
in the question type classes (types/), so that each error can point at its exact line.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

LANGUAGES = ("fr", "en")

# Raw HTML and script or data links are refused in every text: pages escape text anyway,
# but a teacher who writes markup expects it to work, and it will not. The loader applies
# this to every string of a file (see load.unsafe_strings).
UNSAFE_TEXT = re.compile(
    r"</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>"  # an HTML tag: <b>, </p>, <img src=x>
    r"|<!--|<!\[CDATA\["
    r"|(?i:javascript|vbscript):\S"  # a script URL (no space: "JavaScript : un langage" is prose)
    r"|(?i:data):[a-zA-Z]+/[a-zA-Z0-9.+-]+",  # a data URL
    re.ASCII,
)
NOT_BLANK = r"\S"
ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"

# Constraints checked inside pydantic-core (no Python call per string: banks are large).
Str = Annotated[str, Field(strict=True, pattern=NOT_BLANK)]
Id = Annotated[str, Field(strict=True, max_length=80, pattern=ID_PATTERN)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=False)


class Text(Model):
    """A text in both languages."""

    fr: Str
    en: Str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.fr

    text = get  # reads better on things that are texts with more to them (passages, choices)


class Passage(Text):
    id: Id
    kind: Literal["paragraph", "bullet"] = "paragraph"


class Source(Model):
    """source.yaml: the article and its passages."""

    title: Text
    outlet: Str
    published: dt.date
    as_of: dt.date
    language: Literal["fr", "en"]
    translated_from: Literal["fr", "en"] | None = None
    url: Annotated[str, Field(pattern=r"^https?://\S+$")] | None = None
    passages: Annotated[list[Passage], Field(min_length=1)]


class Selection(Model):
    count: Annotated[int, Field(ge=1, strict=True)] | None = None
    tags: list[Id] = []
    types: list[str] = []
    difficulty: list[Annotated[int, Field(ge=1, le=3, strict=True)]] = []


class QuizDef(Model):
    """One entry of quizzes.yaml."""

    id: Id
    title: Text
    description: Text
    select: Selection = Selection()
    shuffle_questions: bool = True
    shuffle_choices: bool = True
    feedback: Literal["immediate", "end"] = "immediate"


class QuestionBase(Model):
    """Fields every question has, whatever its type."""

    id: Id
    passages: Annotated[list[Id], Field(min_length=1)]
    difficulty: Annotated[int, Field(ge=1, le=3, strict=True)]
    tags: list[Id] = []
    prompt: Text
    explanation: Text


class Choice(Text):
    id: Id
    correct: bool = False
    feedback: Text | None = None


class Item(Text):
    id: Id


class Pair(Model):
    id: Id
    left: Text
    right: Text


# tags.yaml: tag id → its name in both languages.
Tags = dict[Id, Text]
