"""The student's pages. Thin: they find things, call attempts/bank, and render."""

from __future__ import annotations

import secrets

from flask import abort, current_app, redirect, render_template, request, session, url_for
from flask_babel import gettext as _

from ..bank import types as qtypes
from ..bank.generate import estimated_minutes, layout_for, question_count
from ..banks import get_bank, registry
from ..extensions import limiter
from ..forms import ActionForm, AnswerForm
from ..i18n import current_language
from . import attempts, bp, review


def owner_key(create: bool = False) -> str | None:
    """The random key that ties attempts to this browser's session."""
    if "owner" not in session and create:
        session["owner"] = secrets.token_urlsafe(24)
        session.permanent = True
    return session.get("owner")


def _attempt_or_404(public_id: str):
    attempt = attempts.owned(public_id, owner_key())
    if attempt is None:
        abort(404)
    return attempt


def _bank_of(attempt):
    bank = get_bank(attempt.bank)
    if bank is None:
        abort(404)
    return bank


@bp.get("/")
def index():
    cards = []
    for bank in registry().banks.values():
        for quiz in bank.quizzes.values():
            count = question_count(bank, quiz)
            cards.append({"bank": bank, "quiz": quiz, "count": count, "minutes": estimated_minutes(count)})
    unfinished = [a for a in attempts.history(owner_key()) if not a.finished and get_bank(a.bank)]
    return render_template("student/index.html", cards=cards, unfinished=unfinished)


@bp.post("/start/<bank_id>/<quiz_id>")
def start(bank_id: str, quiz_id: str):
    bank = get_bank(bank_id)
    quiz = bank.quizzes.get(quiz_id) if bank else None
    if quiz is None:
        abort(404)
    if not ActionForm().validate_on_submit():
        abort(400)
    attempt = attempts.start(bank, quiz, owner_key(create=True), current_language())
    return redirect(url_for(".question", public_id=attempt.public_id, n=1))


@bp.get("/a/<public_id>")
def resume(public_id: str):
    attempt = _attempt_or_404(public_id)
    n = attempts.next_unanswered(attempt)
    if attempt.finished or n is None:
        return redirect(url_for(".results", public_id=public_id))
    return redirect(url_for(".question", public_id=public_id, n=n))


def _question_at(attempt, bank, n: int):
    """The plan entry and the current version of question ``n``, with the layout to show."""
    if not 1 <= n <= len(attempt.plan):
        abort(404)
    entry = attempt.plan[n - 1]
    question = bank.questions.get(entry["q"])
    if question is not None:
        quiz = bank.quizzes.get(attempt.quiz)
        layout = layout_for(question, entry["layout"], attempt.seed, n, quiz.shuffle_choices if quiz else True)
        entry = {**entry, "layout": layout}
    return entry, question


def _render_question(attempt, bank, n, entry, question, form, error=None, status=200):
    response = attempts.responses_by_question(attempt).get(entry["q"])
    shown = review.stored_question(response) if response else question
    if shown is None:  # the question left the bank before it was answered
        return render_template("student/gone.html", attempt=attempt, n=n, bank=bank), 410
    return render_template(
        "student/question.html", attempt=attempt, bank=bank, n=n, total=len(attempt.plan),
        entry=entry, question=shown, kind=qtypes.of(shown), response=response, form=form, error=error,
        next_n=attempts.next_unanswered(attempt), item=review.item_for(bank, entry, response) if response else None,
    ), status


@bp.get("/a/<public_id>/<int:n>")
def question(public_id: str, n: int):
    attempt = _attempt_or_404(public_id)
    bank = _bank_of(attempt)
    entry, question = _question_at(attempt, bank, n)
    answered = entry["q"] in attempts.responses_by_question(attempt)
    if answered and attempt.feedback == "end":
        return redirect(url_for(".resume", public_id=public_id))
    return _render_question(attempt, bank, n, entry, question, AnswerForm())


@bp.post("/a/<public_id>/<int:n>")
def answer(public_id: str, n: int):
    attempt = _attempt_or_404(public_id)
    # Per attempt: a script hammering one attempt is slowed down, classmates are not.
    if not limiter.hit(current_app, current_app.config["ANSWER_RATE_LIMIT"], "answer:" + public_id):
        abort(429)
    bank = _bank_of(attempt)
    entry, question = _question_at(attempt, bank, n)
    form = AnswerForm()
    if not form.validate_on_submit():
        abort(400)
    if attempt.finished or entry["q"] in attempts.responses_by_question(attempt) or question is None:
        # Already answered: the stored answer stands; show it.
        return redirect(url_for(".question", public_id=public_id, n=n))
    try:
        given = qtypes.of(question).parse(question, entry["layout"], request.form)
    except qtypes.AnswerError as exc:
        return _render_question(attempt, bank, n, entry, question, form, error=_(exc.message, **exc.params), status=400)
    immediate = attempt.feedback == "immediate"  # read now: the commit in record() expires the attempt
    attempts.record(attempt, n, question, entry["layout"], given)
    if immediate:
        return redirect(url_for(".question", public_id=public_id, n=n))
    return redirect(url_for(".resume", public_id=public_id))


@bp.get("/a/<public_id>/results")
def results(public_id: str):
    attempt = _attempt_or_404(public_id)
    bank = get_bank(attempt.bank)
    if not attempt.finished:
        return redirect(url_for(".resume", public_id=public_id))
    items = review.items(attempt, bank)
    return render_template(
        "student/results.html", attempt=attempt, bank=bank, quiz=bank.quizzes.get(attempt.quiz) if bank else None,
        items=items, tags=review.score_by_tag(items, bank), missed=attempts.missed(attempt), form=ActionForm(),
    )


@bp.post("/a/<public_id>/retry")
def retry(public_id: str):
    attempt = _attempt_or_404(public_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    bank = _bank_of(attempt)
    quiz = bank.quizzes.get(attempt.quiz)
    missed = [qid for qid in attempts.missed(attempt) if qid in bank.questions]
    if quiz is None or not attempt.finished or not missed:
        abort(404)
    new = attempts.start(bank, quiz, owner_key(), current_language(), only=missed, retry_of=attempt.public_id)
    return redirect(url_for(".question", public_id=new.public_id, n=1))


@bp.get("/attempts")
def history():
    return render_template("student/attempts.html", attempts=attempts.history(owner_key()), banks=registry().banks)
