"""The bank registry as the app sees it: loaded at start, refreshed per request when authoring."""

from flask import current_app, g
from flask_babel import gettext

from . import config
from .bank.registry import Registry


def registry() -> Registry:
    return current_app.extensions["quiz_banks"]


def get_bank(bank_id: str):
    return registry().get(bank_id)


def authoring_enabled(app=None) -> bool:
    app = app or current_app
    return bool(app.debug or app.config.get("AUTHORING"))


def init_app(app) -> None:
    # A server that does not reload its banks reads them in a child process, to keep the
    # parsers out of its memory; authors' servers and tests read them in process.
    apart = config.serving() and not app.testing and not authoring_enabled(app)
    app.extensions["quiz_banks"] = Registry(app.config["QUESTIONS_DIR"], apart=apart)

    @app.before_request
    def _refresh_banks():
        if authoring_enabled():
            registry().refresh()
            g.authoring_errors = registry().errors()

    @app.context_processor
    def _bank_globals():
        return {"all_banks": registry().banks, "authoring": authoring_enabled(), "issue_text": issue_text}


def issue_text(issue) -> str:
    """A checker message in the page's language."""
    return issue.format(gettext)
