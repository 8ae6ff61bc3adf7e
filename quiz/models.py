"""What is stored: one Attempt per quiz taken, one Response per question answered."""

from __future__ import annotations

import datetime as dt
import secrets

from sqlalchemy import JSON, BigInteger, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .extensions import db


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def new_public_id() -> str:
    return secrets.token_urlsafe(24)  # 192 bits: not guessable, safe in a URL


class Attempt(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = mapped_column(String(64), unique=True, default=new_public_id)
    owner: Mapped[str] = mapped_column(String(64), index=True)
    bank: Mapped[str] = mapped_column(String(80))
    quiz: Mapped[str] = mapped_column(String(80))
    seed: Mapped[int] = mapped_column(BigInteger)
    plan: Mapped[list] = mapped_column(JSON)
    feedback: Mapped[str] = mapped_column(String(16))
    locale: Mapped[str] = mapped_column(String(8))
    retry_of: Mapped[str | None] = mapped_column(String(64))
    started_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[dt.datetime | None]
    points: Mapped[float] = mapped_column(default=0.0)
    max_points: Mapped[float] = mapped_column(default=0.0)

    responses: Mapped[list[Response]] = relationship(
        back_populates="attempt", order_by="Response.position", cascade="all, delete-orphan"
    )

    @property
    def finished(self) -> bool:
        return self.finished_at is not None

    @property
    def percent(self) -> float:
        return 100.0 * self.points / self.max_points if self.max_points else 0.0


class Response(db.Model):
    __table_args__ = (UniqueConstraint("attempt_id", "question_id", name="uq_response_attempt_question"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempt.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[str] = mapped_column(String(80))
    position: Mapped[int]
    answer: Mapped[dict] = mapped_column(JSON)
    # The question as it was when answered, and the order its choices were shown in, so
    # that results survive later edits of the files.
    question: Mapped[dict] = mapped_column(JSON)
    layout: Mapped[dict] = mapped_column(JSON)
    points: Mapped[float]
    possible: Mapped[float] = mapped_column(default=1.0)
    answered_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    attempt: Mapped[Attempt] = relationship(back_populates="responses")
