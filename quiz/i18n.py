"""Locale selection and the FR | EN switch.

Order: explicit choice (``?lang=``) → remembered choice (session) → Accept-Language → French.
"""

from urllib.parse import urlsplit

from flask import Blueprint, abort, current_app, redirect, request, session, url_for
from flask_babel import get_locale
from flask_babel import gettext as _

from .bank.messages import LANGUAGE_NAMES

bp = Blueprint("i18n", __name__)


def supported() -> tuple[str, ...]:
    return current_app.config["LANGUAGES"]


def select_locale() -> str:
    explicit = request.args.get("lang")
    if explicit in supported():
        return explicit
    remembered = session.get("lang")
    if remembered in supported():
        return remembered
    return request.accept_languages.best_match(supported()) or current_app.config["BABEL_DEFAULT_LOCALE"]


def current_language() -> str:
    return str(get_locale().language)


def other_language() -> str:
    return next(code for code in supported() if code != current_language())


def is_local_path(target: str) -> bool:
    """True for a path on this site ("/x?y"), false for anything that leaves it."""
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        return False
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc


@bp.get("/lang/<code>")
def switch(code: str):
    """Remember the chosen language and go back to the page the switch was clicked on."""
    if code not in supported():
        abort(404)
    target = request.args.get("next", "/")
    if not is_local_path(target):
        abort(400, description=_("The return address must be a page of this site."))
    session["lang"] = code
    session.permanent = True
    return redirect(target)


def switch_url() -> str:
    """Link to the other language that returns to the current page."""
    path = request.full_path if request.query_string else request.path
    return url_for("i18n.switch", code=other_language(), next=path)


def language_name(code: str) -> str:
    """A language's name in the current language, for use inside a sentence."""
    return _(LANGUAGE_NAMES[code]) if code in LANGUAGE_NAMES else code


def translated(thing) -> str:
    """The current language's side of a bilingual text (anything with .fr and .en)."""
    return getattr(thing, current_language())


def init_app(app) -> None:
    app.register_blueprint(bp)
    app.jinja_env.filters["tr"] = translated
    app.jinja_env.globals["language_name"] = language_name
    app.jinja_env.globals.update(
        current_language=current_language, other_language=other_language, switch_url=switch_url
    )
