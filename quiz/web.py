"""Response headers and error pages shared by every page."""

from flask import current_app, jsonify, render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from .bank import types as qtypes

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)


def security_headers(response):
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Referrer-Policy"] = "same-origin"
    return response


def _titles() -> dict[int, str]:
    return {
        400: _("This request could not be understood"),
        403: _("You cannot open this page"),
        404: _("Page not found"),
        405: _("This action is not allowed here"),
        413: _("What you sent is too large"),
        429: _("Too many answers at once"),
        500: _("Something went wrong on our side"),
    }


def _default_messages() -> dict[int, str]:
    return {
        400: _("Please go back and try again."),
        403: _("This page belongs to someone else."),
        404: _("The address may be mistyped, or the page no longer exists."),
        405: _("Please use the buttons on the page."),
        413: _("Please send a shorter answer."),
        429: _("Please wait a minute before answering again."),
        500: _("The error has been logged. Please try again in a moment."),
    }


def render_error(code: int, message: str | None = None):
    title = _titles().get(code, _titles()[500])
    message = message or _default_messages().get(code, _default_messages()[500])
    if request.path.startswith("/healthz"):
        return jsonify(status="error", error=title), code
    return render_template("error.html", code=code, title=title, message=message), code


def handle_http_error(error: HTTPException):
    # Only messages the app wrote itself are shown; werkzeug's defaults are English-only.
    custom = getattr(error, "description", None)
    if custom == type(error).description:
        custom = None
    return render_error(error.code or 500, custom)


def handle_csrf_error(_error: CSRFError):
    return render_error(
        400, _("Your form has expired or was not sent from this site. Nothing was saved: please reload the page and try again.")
    )


def handle_unexpected(error: Exception):
    if isinstance(error, HTTPException):
        return handle_http_error(error)
    current_app.logger.exception("Unhandled error on %s %s", request.method, request.path)
    return render_error(500)


def by_id(things) -> dict:
    return {thing.id: thing for thing in things}


def question_template(type_name: str) -> str:
    return qtypes.REGISTRY[type_name].template


def init_app(app) -> None:
    app.jinja_env.filters.update(by_id=by_id, qtemplate=question_template)
    app.after_request(security_headers)
    app.register_error_handler(CSRFError, handle_csrf_error)
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(InternalServerError, handle_unexpected)
    app.register_error_handler(Exception, handle_unexpected)
