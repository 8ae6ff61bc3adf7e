"""Questions answered by arranging: ordering and matching."""

from __future__ import annotations

from typing import Literal

from ..messages import N_
from ..schema import Item, Pair, QuestionBase
from .base import AnswerError, QuestionType, duplicates, register, shuffled


class OrderingQuestion(QuestionBase):
    type: Literal["ordering"]
    items: list[Item]


class MatchingQuestion(QuestionBase):
    type: Literal["matching"]
    pairs: list[Pair]


def _duplicate_ids(entries, key: str):
    for i, entry_id in duplicates(e.id for e in entries):
        first = next(j for j, e in enumerate(entries) if e.id == entry_id)
        yield (key, i, "id"), "duplicate_id", {"what": "item", "id": entry_id, "other_path": (key, first, "id")}


@register
class Ordering(QuestionType):
    """Items to put in order (the file lists them in the right order): share of items in place."""

    name = "ordering"
    model = OrderingQuestion

    def check(self, question):
        if len(question.items) < 3:
            yield ("items",), "ordering_too_few", {"count": len(question.items)}
        yield from _duplicate_ids(question.items, "items")
        for lang in ("fr", "en"):
            for i, text in duplicates(item.text(lang) for item in question.items):
                yield ("items", i, lang), "ordering_duplicate", {"text": text}

    def layout(self, question, rng, shuffle):
        # Always shuffled, whatever the quiz says: in file order the items are the answer,
        # and a shuffle that came out in the right order is rotated for the same reason.
        ids = [item.id for item in question.items]
        order = shuffled(ids, rng, True)
        if len(ids) > 1 and order == ids:
            order = order[1:] + order[:1]
        return {"order": order}

    def parse(self, question, layout, form):
        n = len(question.items)
        positions = {}
        for item in question.items:
            raw = form.get(f"pos-{item.id}", "")
            if not raw.isdigit() or not 1 <= int(raw) <= n:
                raise AnswerError(N_("Please give every item a position from 1 to %(count)s."), count=n)
            positions[item.id] = int(raw)
        if len(set(positions.values())) != n:
            raise AnswerError(N_("Each position can be used only once."))
        return {"order": sorted(positions, key=positions.get)}

    def score(self, question, answer):
        expected = [item.id for item in question.items]
        given = list(answer.get("order", []))[: len(expected)]
        given += [None] * (len(expected) - len(given))
        right = sum(1 for a, b in zip(expected, given, strict=True) if a == b)
        return round(right / len(expected), 6)


@register
class Matching(QuestionType):
    """Left-hand items to pair with right-hand ones: share of right pairs."""

    name = "matching"
    model = MatchingQuestion

    def check(self, question):
        if len(question.pairs) < 2:
            yield ("pairs",), "matching_too_few", {"count": len(question.pairs)}
        yield from _duplicate_ids(question.pairs, "pairs")
        for side in ("left", "right"):
            for lang in ("fr", "en"):
                texts = [getattr(pair, side).get(lang) for pair in question.pairs]
                for i, text in duplicates(texts):
                    yield ("pairs", i, side, lang), "matching_repeated_side", {"side": side, "text": text}

    def layout(self, question, rng, shuffle):
        ids = [pair.id for pair in question.pairs]
        # Right-hand options are always shuffled: in file order they would line up with the answers.
        return {"left": shuffled(ids, rng, shuffle), "right": shuffled(ids, rng, True)}

    def parse(self, question, layout, form):
        ids = {pair.id for pair in question.pairs}
        chosen = {}
        for pair in question.pairs:
            value = form.get(f"match-{pair.id}", "")
            if not value:
                raise AnswerError(N_("Please choose a match for every item."))
            if value not in ids:
                raise AnswerError(N_("This choice is not one of the question's choices."))
            chosen[pair.id] = value
        return {"pairs": chosen}

    def score(self, question, answer):
        chosen = answer.get("pairs", {})
        right = sum(1 for pair in question.pairs if chosen.get(pair.id) == pair.id)
        return round(right / len(question.pairs), 6)
