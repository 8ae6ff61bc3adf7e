"""What the checker says, in English (the msgids) and French (translations/fr).

Every message is marked with N_ so that pybabel extracts it (``-k N_``); the text is
translated only when printed, so the core keeps plain codes and parameters.
"""

from __future__ import annotations

import gettext as _gettext
from dataclasses import dataclass, field
from pathlib import Path

TRANSLATIONS_DIR = Path(__file__).resolve().parents[2] / "translations"


def N_(text: str) -> str:
    return text


MESSAGES: dict[str, str] = {
    "file_too_large": N_("the file is %(size)s bytes; the limit is %(limit)s bytes"),
    "file_unreadable": N_("the file cannot be read as UTF-8 text: %(problem)s"),
    "yaml_syntax": N_("YAML syntax error: %(problem)s"),
    "unsafe_tag": N_("the YAML tag %(tag)s is not allowed; write plain text, numbers, lists and mappings"),
    "duplicate_key": N_("the key '%(key)s' appears twice in the same mapping (first at line %(other)s)"),
    "unknown_key": N_("unknown key '%(key)s'"),
    "unknown_key_hint": N_("unknown key '%(key)s'; did you mean '%(hint)s'?"),
    "missing_key": N_("the key '%(key)s' is missing"),
    "missing_text": N_("the %(language)s text (%(key)s) is missing"),
    "empty_text": N_("the text is empty"),
    "wrong_kind": N_("expected %(expected)s, found %(found)s"),
    "not_allowed_value": N_("'%(value)s' is not allowed here; expected one of: %(expected)s"),
    "not_allowed_value_hint": N_("'%(value)s' is not allowed here; did you mean '%(hint)s'?"),
    "too_short_list": N_("at least %(min)s entries are needed here, found %(found)s"),
    "number_too_small": N_("%(value)s is too small; the smallest allowed is %(limit)s"),
    "number_too_large": N_("%(value)s is too large; the largest allowed is %(limit)s"),
    "bad_id": N_("'%(value)s' is not a valid id: use lowercase letters, digits and hyphens"),
    "unsafe_text": N_("raw HTML and javascript: or data: links are not allowed in texts"),
    "invalid_value": N_("invalid value: %(problem)s"),
    "unknown_type": N_("unknown question type '%(value)s'; expected one of: %(expected)s"),
    "unknown_type_hint": N_("unknown question type '%(value)s'; did you mean '%(hint)s'?"),
    "missing_type": N_("the question has no 'type'; expected one of: %(expected)s"),
    "not_question_list": N_("this file must be a list of questions, each one starting with '- '"),
    "not_quiz_list": N_("this file must be a list of quizzes, each one starting with '- '"),
    "not_a_mapping": N_("this file must be a mapping of keys to values"),
    "duplicate_id": N_("duplicate %(what)s id '%(id)s' (also at %(other)s)"),
    "unknown_passage": N_("there is no passage '%(id)s' in source.yaml"),
    "unknown_passage_hint": N_("there is no passage '%(id)s' in source.yaml; did you mean '%(hint)s'?"),
    "single_no_correct": N_("a single-choice question needs exactly one correct choice; none is marked correct"),
    "single_many_correct": N_("a single-choice question needs exactly one correct choice; %(count)s are marked correct"),
    "multiple_no_correct": N_("a multiple-choice question needs at least one correct choice"),
    "short_text_no_answers": N_("a short_text question needs accepted answers in %(language)s"),
    "ordering_too_few": N_("an ordering question needs at least 3 items, found %(count)s"),
    "ordering_duplicate": N_("the item '%(text)s' appears twice in this ordering"),
    "matching_too_few": N_("a matching question needs at least 2 pairs, found %(count)s"),
    "matching_repeated_side": N_("the %(side)s side '%(text)s' is repeated in this matching"),
    "negative_tolerance": N_("the tolerance cannot be negative (%(value)s)"),
    "evidence_not_offered": N_("the supporting passage '%(id)s' is not among the offered passages"),
    "evidence_too_few": N_("an evidence question must offer at least 2 passages, found %(count)s"),
    "undeclared_tag": N_("the tag '%(tag)s' is not declared in %(file)s"),
    "undeclared_tag_hint": N_("the tag '%(tag)s' is not declared in %(file)s; did you mean '%(hint)s'?"),
    "quiz_unknown_tag": N_("no question has the tag '%(tag)s'"),
    "quiz_unknown_tag_hint": N_("no question has the tag '%(tag)s'; did you mean '%(hint)s'?"),
    "quiz_unknown_type": N_("unknown question type '%(value)s' in the selection"),
    "quiz_too_few": N_("the selection matches %(found)s questions but the quiz asks for %(count)s"),
    "quiz_empty": N_("the selection matches no question"),
    "bad_bank_name": N_("the bank folder name '%(value)s' is not valid: it appears in web addresses, so use lowercase letters, digits and hyphens"),
    "missing_file": N_("the bank has no %(name)s"),
    "no_questions": N_("the bank has no question files (questions/*.yaml)"),
    "uncited_passage": N_("no question cites the passage '%(id)s'"),
    "same_prompt": N_("the French and English prompts are identical; is one of them untranslated?"),
}

LANGUAGE_NAMES = {"fr": N_("French"), "en": N_("English")}
# Words that fill a message's blanks and are translated with it.
WORDS = (N_("question"), N_("choice"), N_("passage"), N_("item"), N_("quiz"), N_("left"), N_("right"))
_TRANSLATED_PARAMS = ("expected", "found", "what", "side")


@dataclass(frozen=True, order=True)
class Issue:
    """One problem found in a bank file, at a 1-based line and column."""

    path: str
    line: int
    col: int
    severity: str  # "error" or "warning"
    code: str
    params: dict = field(default_factory=dict, compare=False, hash=False)

    def message(self, translate=None) -> str:
        translate = translate or (lambda s: s)
        params = dict(self.params)
        if "language" in params:
            params["language"] = translate(LANGUAGE_NAMES.get(params["language"], params["language"]))
        for key in _TRANSLATED_PARAMS:
            if isinstance(params.get(key), str):
                params[key] = translate(params[key])
        return translate(MESSAGES[self.code]) % params

    def format(self, translate=None) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.severity}: {self.message(translate)}"


def translator(lang: str):
    """A gettext function for the checker's messages in ``lang`` (English when unknown)."""
    if lang == "en":
        return _gettext.NullTranslations().gettext
    return _gettext.translation("messages", str(TRANSLATIONS_DIR), languages=[lang], fallback=True).gettext
