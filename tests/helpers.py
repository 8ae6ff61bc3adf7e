"""Build the form a student would submit for a question, right or wrong."""


def form_for(question, layout, correct=True) -> dict:
    t = question.type
    if t == "single":
        right = [c.id for c in question.choices if c.correct]
        wrong = [c.id for c in question.choices if not c.correct]
        return {"answer": right[0] if correct else wrong[0]}
    if t == "multiple":
        right = [c.id for c in question.choices if c.correct]
        wrong = [c.id for c in question.choices if not c.correct]
        return {"answer": right if correct else wrong}
    if t == "true_false":
        return {"answer": "true" if question.answer == correct else "false"}
    if t == "short_text":
        return {"answer": question.accept.fr[0] if correct else "zzz"}
    if t == "numeric":
        return {"answer": str(question.answer if correct else question.answer + question.tolerance + 1000)}
    if t == "ordering":
        ids = [item.id for item in question.items]
        order = ids if correct else ids[::-1]
        return {f"pos-{item_id}": str(order.index(item_id) + 1) for item_id in ids}
    if t == "matching":
        ids = [pair.id for pair in question.pairs]
        targets = ids if correct else ids[1:] + ids[:1]
        return {f"match-{left}": right for left, right in zip(ids, targets, strict=True)}
    if t == "evidence":
        other = next(p for p in question.offered if p != question.supporting)
        return {"answer": question.supporting if correct else other}
    raise AssertionError(f"no form for type {t}")
