"""Forms: every POST is a FlaskForm, so every POST carries a CSRF token."""

from flask_wtf import FlaskForm


class ActionForm(FlaskForm):
    """A bare button (start, retry). Its only field is the CSRF token."""


class AnswerForm(FlaskForm):
    """An answer. The answer fields depend on the question type and are read by its
    class (bank.types), which refuses anything it does not expect; the form checks CSRF."""
