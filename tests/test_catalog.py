"""Every string a user can see has a French translation with the same placeholders."""

import re
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdf]|%%")


def extracted():
    with open(ROOT / "babel.cfg") as f:
        method_map, options_map = parse_mapping_cfg(f)
    keywords = {**DEFAULT_KEYWORDS, "_l": None, "N_": None}
    found = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(ROOT), method_map, options_map, keywords=keywords
    ):
        found.setdefault(message, f"{filename}:{lineno}")
    return found


STRINGS = extracted()
with open(ROOT / "translations/fr/LC_MESSAGES/messages.po", "rb") as po:
    CATALOG = read_po(po, locale="fr")


def test_strings_are_extracted_from_code_and_templates():
    places = " ".join(STRINGS.values())
    assert "quiz/templates/" in places and "quiz/bank/" in places and "quiz/web.py" in places


@pytest.mark.parametrize("msgid", sorted(STRINGS, key=str), ids=lambda m: str(m)[:50])
def test_french_translation_exists_with_same_placeholders(msgid):
    message = CATALOG.get(msgid if not isinstance(msgid, tuple) else msgid[0])
    assert message is not None, f"no French entry for {msgid!r} ({STRINGS[msgid]}): run make update-catalogs"
    translations = message.string if isinstance(message.string, tuple) else (message.string,)
    sources = msgid if isinstance(msgid, tuple) else (msgid,)
    assert all(t.strip() for t in translations), f"empty French translation for {msgid!r}"
    def names(text):
        return set(PLACEHOLDER.findall(text))

    # A singular may drop the count ("la question"), as in English; nothing may be added,
    # and the last (plural) form keeps every placeholder of the English plural.
    allowed = set().union(*(names(source) for source in sources))
    for translation in translations:
        assert names(translation) <= allowed, f"unknown placeholder in the French of {msgid!r}"
    assert names(translations[-1]) == names(sources[-1]), f"placeholders differ in {msgid!r}"
    assert "fuzzy" not in message.flags
