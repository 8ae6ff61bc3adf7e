"""What a teacher's YAML means: YAML 1.2 scalars, the same data whichever parser reads the
file, and problems reported rather than raised."""

import datetime as dt
from pathlib import Path

import pytest

from quiz.bank import yamldoc

BANK = Path(__file__).resolve().parents[2] / "questions"


def test_yes_no_on_off_are_words_and_only_true_false_are_booleans():
    data = yamldoc.parse("a: yes\nb: no\nc: on\nd: off\ne: true\nf: False\ng: 017\nh: 1:20\n").data
    assert data == {"a": "yes", "b": "no", "c": "on", "d": "off", "e": True, "f": False, "g": 17, "h": "1:20"}


def test_an_exclamation_mark_in_prose_is_text():
    text = 'fr: Attention !\nen: "Careful !"\nlist: [a, b !]\n'
    document = yamldoc.parse(text)  # a "!" after a space could open a tag: the file is inspected
    assert document.problems == []
    assert document.data == {"fr": "Attention !", "en": "Careful !", "list": ["a", "b !"]}


def test_an_inspected_file_reads_its_words_and_numbers_as_a_plain_one_does():
    text = "title: {fr: Le titre !, en: The title}\npublished: 2023-11-20\ncount: 3\nok: yes\nempty: ~\n"
    assert yamldoc._needs_inspection(text)
    assert yamldoc.parse(text).data == {"title": {"fr": "Le titre !", "en": "The title"},
                                        "published": dt.date(2023, 11, 20), "count": 3, "ok": "yes", "empty": None}


@pytest.mark.parametrize("path", sorted(BANK.rglob("*.yaml")), ids=lambda p: str(p.relative_to(BANK)))
def test_both_readers_agree_on_the_shipped_files(path):
    text = path.read_text(encoding="utf-8")
    assert yamldoc._inspect(text).data == yamldoc.parse(text).data


@pytest.mark.parametrize("text, line", [
    ("a: 1\n--- \nb: 2\n", 2),  # a second document
    ("%YAML 1.2\n---\na: 1\n--- \nb: 2\n", 4),
])
def test_a_second_document_is_reported_at_its_line(text, line):
    document = yamldoc.parse(text)
    assert document.data is None
    assert [(p.line, p.code) for p in document.problems] == [(line, "yaml_syntax")]


def test_a_tag_after_an_anchor_is_still_found():
    document = yamldoc.parse("a: &x !!python/name:os.system\nb: *x\n")
    assert [(p.line, p.col, p.code) for p in document.problems] == [(1, 4, "unsafe_tag")]


def test_a_control_character_is_reported_at_its_line():
    document = yamldoc.parse("a: fine\nb: bell\x07\n")
    assert [(p.line, p.code) for p in document.problems] == [(2, "yaml_syntax")]
    assert document.problems[0].params["problem"] == "character #x0007: control characters are not allowed"
