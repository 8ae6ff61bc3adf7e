"""Each kind of mistake a teacher can make → its exact place and message."""

import os

import pytest

from quiz.bank.load import MAX_FILE_BYTES, load_bank

from .conftest import QUESTIONS, QUIZZES, SOURCE, write_bank

Q, S, Z = "questions/q.yaml", "source.yaml", "quizzes.yaml"
UNSAFE_TAG = "!!python/object/apply:os.system"

CASES = [
    # (id, file edited, old text, new text, "[file reported:]line:col", severity, message)
    ("yaml-syntax", Q, "  tags: [people]", "  tags: [people", "6:9", "error",
     "YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence that starts at line 5)"),
    ("unsafe-tag", Q, "  difficulty: 1", f"  difficulty: {UNSAFE_TAG} [ls]", "4:15", "error",
     f"the YAML tag {UNSAFE_TAG} is not allowed; write plain text, numbers, lists and mappings"),
    ("local-tag", Q, "  difficulty: 1", "  difficulty: !easy 1", "4:15", "error",
     "the YAML tag !easy is not allowed; write plain text, numbers, lists and mappings"),
    ("second-document", Q, "- id: q-tf", "---\n- id: q-tf", "11:1", "error",
     "YAML syntax error: expected a single document in the file"),
    ("unknown-key", Q, "  prompt: {fr: Qui ?, en: Who?}", "  promt: {fr: Qui ?, en: Who?}", "6:3", "error",
     "unknown key 'promt'; did you mean 'prompt'?"),
    ("unknown-key-no-hint", Q, "  difficulty: 1", "  difficulty: 1\n  colour: red", "5:3", "error",
     "unknown key 'colour'"),
    ("missing-key", Q, "  difficulty: 1\n", "", "1:3", "error", "the key 'difficulty' is missing"),
    ("missing-english", Q, "  prompt: {fr: Qui ?, en: Who?}", "  prompt: {fr: Qui ?}", "6:11", "error",
     "the English text (en) is missing"),
    ("missing-french", Q, "  explanation: {fr: Parce que., en: Because.}\n  choices",
     "  explanation: {en: Because.}\n  choices", "7:16", "error", "the French text (fr) is missing"),
    ("empty-text", Q, "{fr: Qui ?, en: Who?}", "{fr: '  ', en: Who?}", "6:16", "error", "the text is empty"),
    ("wrong-kind-number", Q, "  difficulty: 1", "  difficulty: easy", "4:15", "error",
     "expected a whole number, found text"),
    ("wrong-kind-text", Q, "{id: b, fr: Bob, en: Bob}", "{id: b, fr: Bob, en: 42}", "10:28", "error",
     "expected text, found a whole number"),
    ("wrong-kind-list", Q, "  passages: [p-one]", "  passages: p-one", "3:13", "error",
     "expected a list, found text"),
    ("out-of-range", Q, "  difficulty: 1", "  difficulty: 4", "4:15", "error",
     "4 is too large; the largest allowed is 3"),
    ("unknown-type", Q, "  type: single", "  type: singel", "2:9", "error",
     "unknown question type 'singel'; did you mean 'single'?"),
    ("duplicate-choice", Q, "{id: b, fr: Bob", "{id: a, fr: Bob", "10:12", "error",
     "duplicate choice id 'a' (also at demo/questions/q.yaml:9)"),
    ("duplicate-question-first", Q, "- id: q-tf", "- id: q-single", "1:7", "error",
     "duplicate question id 'q-single' (also at demo/questions/q.yaml:11)"),
    ("duplicate-question-second", Q, "- id: q-tf", "- id: q-single", "11:7", "error",
     "duplicate question id 'q-single' (also at demo/questions/q.yaml:1)"),
    ("duplicate-passage-first", S, "  - id: p-two", "  - id: p-one", "7:9", "error",
     "duplicate passage id 'p-one' (also at demo/source.yaml:10)"),
    ("duplicate-passage-second", S, "  - id: p-two", "  - id: p-one", "10:9", "error",
     "duplicate passage id 'p-one' (also at demo/source.yaml:7)"),
    ("duplicate-key", Q, "  difficulty: 1", "  difficulty: 1\n  difficulty: 2", "5:3", "error",
     "the key 'difficulty' appears twice in the same mapping (first at line 4)"),
    ("unknown-passage", Q, "  passages: [p-one]", "  passages: [p-on]", "3:14", "error",
     "there is no passage 'p-on' in source.yaml; did you mean 'p-one'?"),
    ("single-none-correct", Q, "Alice, en: Alice, correct: true}", "Alice, en: Alice}", "9:5", "error",
     "a single-choice question needs exactly one correct choice; none is marked correct"),
    ("single-two-correct", Q, "{id: b, fr: Bob, en: Bob}", "{id: b, fr: Bob, en: Bob, correct: true}", "10:42", "error",
     "a single-choice question needs exactly one correct choice; 2 are marked correct"),
    ("multiple-none-correct", Q, "  type: single", "  type: multiple", "9:5", "error", None),
    ("unsafe-html", Q, "{fr: Qui ?, en: Who?}", "{fr: Qui ?, en: <b>Who</b>?}", "6:27", "error",
     "raw HTML and javascript: or data: links are not allowed in texts"),
    ("javascript-link", Q, "{fr: Parce que., en: Because.}\n  choices",
     "{fr: Parce que., en: 'See javascript:alert(1)'}\n  choices", "7:37", "error",
     "raw HTML and javascript: or data: links are not allowed in texts"),
    ("data-link", S, "    en: First passage.", "    en: 'data:text/html;base64,PHNjcmlwdD4='", "9:9", "error",
     "raw HTML and javascript: or data: links are not allowed in texts"),
    ("quiz-too-few", Z, "{count: 2}", "{count: 3}", "4:19", "error",
     "the selection matches 2 questions but the quiz asks for 3"),
    ("quiz-unknown-tag", Z, "{count: 2}", "{tags: [peeple]}", "4:19", "error",
     "no question has the tag 'peeple'; did you mean 'people'?"),
    ("quiz-unknown-type", Z, "{count: 2}", "{types: [essay]}", "4:20", "error",
     "unknown question type 'essay' in the selection"),
    ("quiz-bad-feedback", Z, "  select: {count: 2}", "  select: {count: 2}\n  feedback: later", "5:13", "error",
     "'later' is not allowed here; expected one of: immediate, end"),
    ("uncited-passage", Q, "  passages: [p-two]", "  passages: [p-one]", f"{S}:10:9", "warning",
     "no question cites the passage 'p-two'"),
    ("same-prompt", Q, "{fr: C’est vrai., en: It is true.}", "{fr: It is true., en: It is true.}", "16:11", "warning",
     "the French and English prompts are identical; is one of them untranslated?"),
]


@pytest.mark.parametrize("case_id, filename, old, new, where, severity, message", CASES, ids=[c[0] for c in CASES])
def test_each_mistake_is_reported_at_its_line(tmp_path, monkeypatch, case_id, filename, old, new, where, severity, message):
    texts = {Q: QUESTIONS, S: SOURCE, Z: QUIZZES}
    assert old in texts[filename], "the case must change the valid bank"
    texts[filename] = texts[filename].replace(old, new, 1)
    monkeypatch.chdir(tmp_path)
    bank = write_bank(tmp_path, source=texts[S], questions=texts[Q], quizzes=texts[Z])
    result = load_bank(bank.relative_to(tmp_path))
    lines = [issue.format() for issue in result.issues]
    if message is None:  # the message is checked in its own parametrized test below
        message = "a multiple-choice question needs at least one correct choice"
        texts[Q] = texts[Q].replace("Alice, en: Alice, correct: true}", "Alice, en: Alice}")
        bank = write_bank(tmp_path, source=texts[S], questions=texts[Q], quizzes=texts[Z], name="demo2")
        result = load_bank(bank.relative_to(tmp_path))
        lines = [issue.format().replace("demo2/", "demo/") for issue in result.issues]
    if where.count(":") == 1:
        where = f"{filename}:{where}"
    expected = f"demo/{where}: {severity}: {message}"
    assert expected in lines, "\n".join(lines)
    assert (result.bank is None) == (severity == "error")


def question(kind: str, body: str) -> str:
    """A question file with one question of ``kind``: six header lines, then ``body`` from line 7."""
    return (f"- id: q-{kind.replace('_', '-')}\n  type: {kind}\n  passages: [p-one, p-two]\n  difficulty: 1\n"
            "  prompt: {fr: Laquelle ?, en: Which one?}\n  explanation: {fr: Parce que., en: Because.}\n" + body)


TYPE_CASES = [
    ("short-text-no-english", question("short_text", """\
  accept:
    fr: [Alice]
"""), "8:5", "a short_text question needs accepted answers in English"),
    ("ordering-too-few", question("ordering", """\
  items:
    - {id: a, fr: Un, en: One}
    - {id: b, fr: Deux, en: Two}
"""), "8:5", "an ordering question needs at least 3 items, found 2"),
    ("ordering-duplicate", question("ordering", """\
  items:
    - {id: a, fr: Un, en: One}
    - {id: b, fr: Deux, en: Two}
    - {id: c, fr: Deux, en: Three}
"""), "10:19", "the item 'Deux' appears twice in this ordering"),
    ("matching-too-few", question("matching", """\
  pairs:
    - {id: a, left: {fr: A, en: A}, right: {fr: Un, en: One}}
"""), "8:5", "a matching question needs at least 2 pairs, found 1"),
    ("matching-repeated-side", question("matching", """\
  pairs:
    - {id: a, left: {fr: A, en: A}, right: {fr: Un, en: One}}
    - {id: b, left: {fr: B, en: B}, right: {fr: Un, en: Two}}
"""), "9:49", "the right side 'Un' is repeated in this matching"),
    ("negative-tolerance", question("numeric", """\
  answer: 770
  tolerance: -5
"""), "8:14", "the tolerance cannot be negative (-5.0)"),
    ("evidence-not-offered", question("evidence", """\
  offered: [p-one, p-two]
  supporting: p-three
"""), "8:15", "the supporting passage 'p-three' is not among the offered passages"),
]


@pytest.mark.parametrize("case_id, questions, where, message", TYPE_CASES, ids=[c[0] for c in TYPE_CASES])
def test_type_rules(tmp_path, monkeypatch, case_id, questions, where, message):
    monkeypatch.chdir(tmp_path)
    quizzes = QUIZZES.replace("{count: 2}", "{}")
    bank = write_bank(tmp_path, questions=questions, quizzes=quizzes)
    lines = [issue.format() for issue in load_bank(bank.relative_to(tmp_path)).issues]
    assert f"demo/questions/q.yaml:{where}: error: {message}" in lines, "\n".join(lines)


def test_file_over_one_megabyte(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    bank = write_bank(tmp_path)
    padding = "# " + "x" * 100 + "\n"
    (bank / "questions" / "big.yaml").write_text(padding * (MAX_FILE_BYTES // len(padding) + 1))
    size = os.path.getsize(bank / "questions" / "big.yaml")
    lines = [issue.format() for issue in load_bank(bank.relative_to(tmp_path)).issues]
    assert f"demo/questions/big.yaml:1:1: error: the file is {size} bytes; the limit is {MAX_FILE_BYTES} bytes" in lines


def test_every_problem_is_reported_in_one_run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    questions = QUESTIONS.replace("  type: single", "  type: singel").replace("[p-two]", "[p-zwei]")
    quizzes = QUIZZES.replace("{count: 2}", "{count: 5}")
    bank = write_bank(tmp_path, questions=questions, quizzes=quizzes)
    issues = load_bank(bank.relative_to(tmp_path)).issues
    codes = {issue.code for issue in issues}
    assert {"unknown_type_hint", "unknown_passage", "quiz_too_few", "uncited_passage"} <= codes


def test_messages_in_french():
    from quiz.bank.messages import Issue, translator

    issue = Issue("q.yaml", 3, 5, "error", "unknown_key_hint", {"key": "promt", "hint": "prompt"})
    assert issue.format(translator("fr")) == "q.yaml:3:5: error: clé inconnue « promt » ; vouliez-vous dire « prompt » ?"
    missing = Issue("q.yaml", 3, 5, "error", "missing_text", {"language": "en", "key": "en"})
    assert missing.message(translator("fr")) == "le texte en anglais (en) manque"
