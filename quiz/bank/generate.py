"""Quiz definition + bank + seed → the questions of one attempt, in the order shown.

The plan is plain JSON and is stored with the attempt, so the attempt shows the same
questions and choice orders on every page, whatever happens to the files afterwards.
"""

from __future__ import annotations

import hashlib
import json
import random

from . import types as qtypes
from .selection import matching


def fingerprint(question) -> str:
    """Changes whenever anything a student sees or is scored on changes."""
    dumped = json.dumps(question.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(dumped.encode()).hexdigest()[:16]


def plan_for(bank, quiz, seed: int, only: list[str] | None = None) -> list[dict]:
    """The attempt's questions: ``[{"q": id, "v": fingerprint, "layout": {...}}, ...]``.

    ``only`` restricts the draw to those question ids (retrying missed questions); they are
    all kept, whatever the quiz's count.
    """
    rng = random.Random(seed)
    if only is not None:
        wanted = set(only)
        chosen = [q for q in bank.questions.values() if q.id in wanted]
    else:
        chosen = matching(bank.questions.values(), quiz.select)
        if quiz.select.count and quiz.select.count < len(chosen):
            picked = set(id(q) for q in rng.sample(chosen, quiz.select.count))
            chosen = [q for q in chosen if id(q) in picked]
    if quiz.shuffle_questions:
        rng.shuffle(chosen)
    return [
        {"q": q.id, "v": fingerprint(q), "layout": qtypes.of(q).layout(q, rng, quiz.shuffle_choices)}
        for q in chosen
    ]


def layout_for(question, stored: dict, seed: int, position: int, shuffle: bool = True) -> dict:
    """The stored layout, or a fresh one when the question was edited since the attempt
    was drawn and the stored ids no longer match its choices, items or pairs."""
    kind = qtypes.of(question)
    canonical = kind.layout(question, random.Random(0), False)
    if set(stored) == set(canonical) and all(sorted(stored[k]) == sorted(v) for k, v in canonical.items()):
        return stored
    return kind.layout(question, random.Random(f"{seed}:{position}"), shuffle)


def estimated_minutes(count: int) -> int:
    """About 45 seconds a question, reading the explanation included; at least one minute."""
    return max(1, round(count * 0.75))


def question_count(bank, quiz) -> int:
    found = len(matching(bank.questions.values(), quiz.select))
    return min(found, quiz.select.count) if quiz.select.count else found
