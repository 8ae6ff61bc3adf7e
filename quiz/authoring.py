"""The teachers' preview: every question with its answers, in both languages. Authoring only."""

from flask import Blueprint, abort, render_template
from flask_babel import force_locale

from .banks import authoring_enabled, get_bank, registry

bp = Blueprint("authoring", __name__)


@bp.get("/preview/<bank_id>")
def preview(bank_id: str):
    if not authoring_enabled():
        abort(404)
    bank = get_bank(bank_id)
    result = registry().results.get(bank_id)
    if bank is None:
        abort(404)
    cited = bank.cited()
    solutions = {}
    for lang in ("fr", "en"):
        with force_locale(lang):
            for q in bank.questions.values():
                solutions[q.id, lang] = render_template("authoring/_solution.html", q=q, bank=bank)
    return render_template(
        "authoring/preview.html", bank=bank, result=result, solutions=solutions,
        uncited=[p for p in bank.source.passages if p.id not in cited],
    )
