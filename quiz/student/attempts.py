"""Attempts and responses: starting, answering once, finishing. No request or template here."""

from __future__ import annotations

import secrets

from sqlalchemy import bindparam, case, func, select, update
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


# The statements every attempt page and every answer run, built once: SQLAlchemy then
# skips building and hashing them on each request (half the cost of these lookups).
_OWNED = select(Attempt).where(Attempt.public_id == bindparam("public_id"), Attempt.owner == bindparam("owner"))
_RESPONSES = select(Response).where(Response.attempt_id == bindparam("attempt_id")).order_by(Response.position)
_ANSWERED = select(func.count(Response.id)).where(Response.attempt_id == bindparam("attempt_id")).scalar_subquery()
_POINTS = select(func.coalesce(func.sum(Response.points), 0.0)).where(Response.attempt_id == bindparam("attempt_id"))
_NOW = bindparam("now", type_=Attempt.__table__.c.finished_at.type)
_TOTALS = (
    update(Attempt)
    .where(Attempt.id == bindparam("attempt_id"), Attempt.finished_at.is_(None))
    .values(points=_POINTS.scalar_subquery(), finished_at=case((_ANSWERED >= bindparam("planned"), _NOW), else_=None))
    .execution_options(synchronize_session=False)
)


def owned(public_id: str, owner: str | None) -> Attempt | None:
    if not owner:
        return None
    attempt = db.session.scalar(_OWNED, {"public_id": public_id, "owner": owner})
    if attempt is not None:
        # Every page of an attempt needs its responses: one plain SELECT, set as the loaded
        # relationship (a third cheaper than selectinload, which is built for many parents).
        responses = db.session.scalars(_RESPONSES, {"attempt_id": attempt.id}).all()
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
    # One UPDATE computed from the rows themselves (points, and the end once every question
    # has its response): concurrent answers cannot lose a point.
    db.session.execute(_TOTALS, {"attempt_id": attempt.id, "planned": len(attempt.plan), "now": utcnow()})
    # Only what the UPDATE may have changed is read again, if and when it is used.
    db.session.expire(attempt, ["points", "finished_at"])


def missed(attempt: Attempt) -> list[str]:
    return [r.question_id for r in attempt.responses if r.points < r.possible]


def history(owner: str | None) -> list[Attempt]:
    if not owner:
        return []
    return list(db.session.scalars(select(Attempt).where(Attempt.owner == owner).order_by(Attempt.started_at.desc())))
