"""Attempts and responses: starting, answering once, finishing. No request or template here."""

from __future__ import annotations

import secrets

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.attributes import set_committed_value

from ..bank import types as qtypes
from ..bank.generate import plan_for
from ..extensions import db
from ..models import Attempt, Response, utcnow


def start(bank, quiz, owner: str, locale: str, only: list[str] | None = None, retry_of: str | None = None) -> Attempt:
    seed = secrets.randbits(63)
    attempt = Attempt(
        owner=owner, bank=bank.id, quiz=quiz.id, seed=seed, plan=plan_for(bank, quiz, seed, only),
        feedback=quiz.feedback, locale=locale, retry_of=retry_of,
    )
    attempt.max_points = float(len(attempt.plan))
    db.session.add(attempt)
    db.session.commit()
    return attempt


def owned(public_id: str, owner: str | None) -> Attempt | None:
    if not owner:
        return None
    attempt = db.session.scalar(select(Attempt).where(Attempt.public_id == public_id, Attempt.owner == owner))
    if attempt is not None:
        # Every page of an attempt needs its responses: one plain SELECT, set as the loaded
        # relationship (a third cheaper than selectinload, which is built for many parents).
        responses = db.session.scalars(
            select(Response).where(Response.attempt_id == attempt.id).order_by(Response.position)
        ).all()
        set_committed_value(attempt, "responses", list(responses))
    return attempt


def responses_by_question(attempt: Attempt) -> dict[str, Response]:
    return {r.question_id: r for r in attempt.responses}


def next_unanswered(attempt: Attempt) -> int | None:
    """1-based number of the first question without a response, or None when all are answered."""
    answered = {r.question_id for r in attempt.responses}
    for n, entry in enumerate(attempt.plan, start=1):
        if entry["q"] not in answered:
            return n
    return None


def record(attempt: Attempt, n: int, question, layout: dict, answer: dict) -> Response:
    """Score and store the answer to question ``n``, once.

    A second answer to the same question (a resubmission, or two racing requests) stores
    nothing: the first response stays and is returned.
    """
    kind = qtypes.of(question)
    # Serialise answers to one attempt, so the one that completes it sees every other response:
    # a row lock where the database has them; SQLite's single writer lock does it already.
    if db.session.get_bind().dialect.name != "sqlite":
        db.session.execute(select(Attempt.id).where(Attempt.id == attempt.id).with_for_update())
    response = Response(
        attempt_id=attempt.id, question_id=question.id, position=n, answer=answer,
        question=question.model_dump(mode="json"), layout=layout, points=kind.score(question, answer), possible=1.0,
    )
    db.session.add(response)
    try:
        db.session.flush()
    except IntegrityError:
        db.session.rollback()
        return db.session.scalar(
            select(Response).where(Response.attempt_id == attempt.id, Response.question_id == question.id)
        )
    _finish_if_complete(attempt)
    db.session.commit()
    return response


def _finish_if_complete(attempt: Attempt) -> None:
    count, total = db.session.execute(
        select(func.count(Response.id), func.coalesce(func.sum(Response.points), 0.0)).where(
            Response.attempt_id == attempt.id
        )
    ).one()
    values = {"points": float(total)}
    if count >= len(attempt.plan):
        values["finished_at"] = utcnow()
    # One UPDATE computed from the rows themselves: concurrent answers cannot lose a point.
    db.session.execute(
        update(Attempt).where(Attempt.id == attempt.id, Attempt.finished_at.is_(None)).values(**values),
        execution_options={"synchronize_session": False},
    )
    # Only what the UPDATE may have changed is read again, if and when it is used.
    db.session.expire(attempt, ["points", "finished_at"])


def missed(attempt: Attempt) -> list[str]:
    return [r.question_id for r in attempt.responses if r.points < r.possible]


def history(owner: str | None) -> list[Attempt]:
    if not owner:
        return []
    return list(db.session.scalars(select(Attempt).where(Attempt.owner == owner).order_by(Attempt.started_at.desc())))
