"""A large bank is checked by several processes (``flask quiz check``): it must report
exactly what the one-process load reports, positions across files included."""

from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from quiz.bank import load
from quiz.bank.load import PARALLEL_BYTES, load_bank

from .conftest import write_bank

FILES, PER_FILE = 8, 150
FILLER = "Une phrase assez longue pour donner du poids au fichier, comme dans une vraie banque. " * 2


def question(file: int, n: int, *, qid=None, passage="p-one", tag="people", correct_b=False) -> str:
    return f"""\
- id: {qid or f"q-{file}-{n}"}
  type: single
  passages: [{passage}]
  difficulty: {1 + n % 3}
  tags: [{tag}]
  prompt: {{fr: "Qui ? {FILLER}", en: "Who? {n}"}}
  explanation: {{fr: "Parce que. {FILLER}", en: "Because."}}
  choices:
    - {{id: a, fr: Alice, en: Alice, correct: true}}
    - {{id: b, fr: Bob, en: Bob, correct: {str(correct_b).lower()}}}
"""


def large_bank(root):
    bank = write_bank(root)
    (bank / "tags.yaml").write_text("people: {fr: Les personnes, en: People}\n", encoding="utf-8")
    (bank / "questions" / "q.yaml").unlink()
    for f in range(FILES):
        texts = []
        for n in range(PER_FILE):
            if (f, n) == (5, 3):
                texts.append(question(f, n, qid="q-2-0"))  # the same id as the first question of file 2
            elif (f, n) == (3, 7):
                texts.append(question(f, n, passage="p-oen"))  # a misspelt passage
            elif (f, n) == (6, 1):
                texts.append(question(f, n, tag="peple"))  # an undeclared tag
            elif (f, n) == (4, 9):
                texts.append(question(f, n, correct_b=True))  # two correct choices
            else:
                texts.append(question(f, n))
        text = "".join(texts)
        if f == 7:
            text += "- id: [broken\n"  # a syntax error at the end of the last file
        (bank / "questions" / f"part-{f}.yaml").write_text(text, encoding="utf-8")
    return bank


def messages(result):
    return [issue.format() for issue in result.issues]


def test_a_large_bank_checked_in_several_processes_reports_what_one_process_reports(tmp_path, monkeypatch):
    bank = large_bank(tmp_path)
    assert sum(p.stat().st_size for p in (bank / "questions").iterdir()) > PARALLEL_BYTES
    pools = []

    class Recorded(ProcessPoolExecutor):
        def __init__(self, *args, **kwargs):
            pools.append(self)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(load, "ProcessPoolExecutor", Recorded)
    monkeypatch.setattr(load.os, "cpu_count", lambda: 2)  # as on a 2-core machine, whatever this one has
    checked = load_bank(bank, check_only=True)
    assert len(pools) == 1, "the large bank was not spread over processes"
    served = load_bank(bank)
    assert len(pools) == 1  # loading to serve stays in one process

    assert messages(checked) == messages(served)
    # Every kind of problem is there, at its line; the one across files names both places.
    found = [(Path(i.path).name, i.line, i.col, i.severity, i.code) for i in checked.issues]
    assert found == [
        ("part-2.yaml", 1, 7, "error", "duplicate_id"),
        ("part-3.yaml", 73, 14, "error", "unknown_passage_hint"),
        ("part-4.yaml", 100, 42, "error", "single_many_correct"),
        ("part-5.yaml", 31, 7, "error", "duplicate_id"),
        ("part-6.yaml", 15, 10, "error", "undeclared_tag_hint"),
        ("part-7.yaml", 1502, 1, "error", "yaml_syntax"),
        ("source.yaml", 10, 9, "warning", "uncited_passage"),
    ]
    assert messages(checked)[0].endswith("duplicate question id 'q-2-0' (also at " + str(Path(checked.issues[3].path)) + ":31)")
    assert messages(checked)[3].endswith("(also at " + str(Path(checked.issues[0].path)) + ":1)")
    # The file with a syntax error has no questions; the others all count.
    assert checked.question_count == served.question_count == (FILES - 1) * PER_FILE
    assert checked.bank is None and served.bank is None


def test_a_large_bank_without_problems_checks_clean_in_several_processes(tmp_path):
    bank = large_bank(tmp_path)
    for f in range(FILES):
        (bank / "questions" / f"part-{f}.yaml").write_text("".join(question(f, n) for n in range(PER_FILE)), encoding="utf-8")
    checked = load_bank(bank, check_only=True)
    assert checked.errors == [] and checked.question_count == FILES * PER_FILE
    assert load_bank(bank).bank is not None


def test_a_file_saved_with_a_byte_order_mark_reads_like_any_other(tmp_path):
    bank = write_bank(tmp_path)
    path = bank / "questions" / "q.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    result = load_bank(bank)
    assert result.errors == [] and result.question_count == 2
