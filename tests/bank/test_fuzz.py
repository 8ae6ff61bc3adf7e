"""Whatever a teacher types, the checker answers with located problems, never a crash."""

import shutil
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.bank.load import load_bank

REAL_BANK = Path(__file__).resolve().parents[2] / "questions" / "openai-crisis"
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20),
                    st.sampled_from(["fr", "en", "id", "type", "single", "p-lede", "true", "- x", "{", "]"]))
documents = st.recursive(scalars, lambda children: st.one_of(
    st.lists(children, max_size=4),
    st.dictionaries(st.one_of(st.text(max_size=10), st.sampled_from(["id", "type", "fr", "en", "choices"])),
                    children, max_size=5),
), max_leaves=20)


def assert_located(result, root: Path):
    for issue in result.issues:
        assert issue.line >= 1 and issue.col >= 1, issue
        assert issue.severity in ("error", "warning")
        assert issue.message()  # every code has a message and its parameters fit


@FUZZ
@given(document=documents, which=st.sampled_from(["source.yaml", "quizzes.yaml", "questions/q.yaml"]))
def test_random_documents_never_crash_the_checker(tmp_path, document, which):
    bank = tmp_path / "bank"
    shutil.rmtree(bank, ignore_errors=True)
    shutil.copytree(REAL_BANK, bank)
    (bank / which).write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    result = load_bank(bank)
    assert_located(result, bank)


@FUZZ
@given(text=st.text(alphabet=st.sampled_from(list("ab:- \n[]{}'\"#!&*|>%@`\t0é")), max_size=200))
def test_random_text_never_crashes_the_checker(tmp_path, text):
    bank = tmp_path / "bank"
    shutil.rmtree(bank, ignore_errors=True)
    shutil.copytree(REAL_BANK, bank)
    (bank / "questions" / "people.yaml").write_text(text, encoding="utf-8")
    assert_located(load_bank(bank), bank)


def mutate(lines: list[str], data) -> list[str]:
    kind = data.draw(st.sampled_from(["delete", "duplicate", "swap", "replace", "indent", "truncate"]))
    i = data.draw(st.integers(0, len(lines) - 1))
    j = data.draw(st.integers(0, len(lines) - 1))
    lines = list(lines)
    if kind == "delete":
        del lines[i]
    elif kind == "duplicate":
        lines.insert(i, lines[i])
    elif kind == "swap":
        lines[i], lines[j] = lines[j], lines[i]
    elif kind == "replace":
        head, _, _tail = lines[i].partition(":")
        lines[i] = head + ": " + data.draw(st.sampled_from(["", "-1", "99", "[]", "{}", "yes", "p-nowhere", "'<b>x</b>'"]))
    elif kind == "indent":
        lines[i] = "  " + lines[i]
    else:
        lines = lines[:i]
    return lines


@FUZZ
@given(data=st.data())
def test_mutations_of_the_real_bank_are_reported_with_lines(tmp_path, data):
    bank = tmp_path / "bank"
    shutil.rmtree(bank, ignore_errors=True)
    shutil.copytree(REAL_BANK, bank)
    files = sorted(p.relative_to(bank) for p in bank.rglob("*.yaml"))
    target = bank / data.draw(st.sampled_from(files))
    lines = target.read_text(encoding="utf-8").splitlines()
    for _ in range(data.draw(st.integers(1, 3))):
        if lines:
            lines = mutate(lines, data)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert_located(load_bank(bank), bank)
