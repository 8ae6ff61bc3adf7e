"""GET /healthz: 200 when the database and at least one bank are usable, 503 otherwise."""

from flask import Blueprint, jsonify
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from .banks import registry
from .extensions import db
from .models import Attempt

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz():
    try:
        db.session.execute(select(Attempt.id).limit(1))  # also proves the schema is migrated
        database = "ok"
    except SQLAlchemyError:
        db.session.rollback()
        database = "unavailable"
    banks = len(registry().banks)
    healthy = database == "ok" and banks > 0
    body = {"status": "ok" if healthy else "unavailable", "database": database, "banks": banks}
    return jsonify(body), 200 if healthy else 503
