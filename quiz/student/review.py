"""What the student sees after answering: built from what was stored, not from today's files."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..bank import types as qtypes


@dataclass
class ReviewItem:
    n: int
    entry: dict
    question: object  # the question as answered
    response: object
    status: str  # "same", "changed" (edited since) or "gone" (removed since)


def stored_question(response):
    """The question exactly as it was when this response was stored."""
    return qtypes.QUESTION.validate_python(response.question)


def item_for(bank, entry, response, n: int = 0) -> ReviewItem:
    stored = stored_question(response)
    current = bank.questions.get(entry["q"]) if bank else None
    if current is None:
        status = "gone"
    elif current != stored:  # pydantic compares every field: cheaper than hashing both
        status = "changed"
    else:
        status = "same"
    entry = {**entry, "layout": response.layout}  # the order the student saw
    return ReviewItem(n or response.position, entry, stored, response, status)


def items(attempt, bank) -> list[ReviewItem]:
    by_question = {r.question_id: r for r in attempt.responses}
    return [
        item_for(bank, entry, by_question[entry["q"]], n)
        for n, entry in enumerate(attempt.plan, start=1)
        if entry["q"] in by_question
    ]


def score_by_tag(review_items: list[ReviewItem], bank) -> list[dict]:
    """Points and percentage per tag, for the results chart."""
    points, possible = defaultdict(float), defaultdict(float)
    for item in review_items:
        for tag in item.question.tags:
            points[tag] += item.response.points
            possible[tag] += item.response.possible
    return [
        {"tag": tag, "label": bank.tags.get(tag) if bank else None, "points": points[tag], "possible": possible[tag], "percent": round(100 * points[tag] / possible[tag])}
        for tag in sorted(possible)
    ]
