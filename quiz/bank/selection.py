"""Which questions a quiz's selection matches."""

from __future__ import annotations


def matching(questions, select) -> list:
    """Questions (in bank order) with any of the tags, one of the types and one of the
    difficulties of the selection; an empty criterion matches everything."""
    tags, kinds, levels = set(select.tags), set(select.types), set(select.difficulty)
    return [
        q for q in questions
        if (not tags or tags & set(q.tags))
        and (not kinds or q.type in kinds)
        and (not levels or q.difficulty in levels)
    ]
