"""The article reader: every passage with its anchor, /sources/<bank>#<passage-id>."""

from flask import Blueprint, abort, render_template, request

from .banks import get_bank
from .i18n import is_local_path

bp = Blueprint("sources", __name__)


@bp.get("/sources/<bank_id>")
def article(bank_id: str):
    bank = get_bank(bank_id)
    if bank is None:
        abort(404)
    back = request.args.get("back", "")
    return render_template("sources/article.html", bank=bank, source=bank.source,
                           back=back if is_local_path(back) else None)
