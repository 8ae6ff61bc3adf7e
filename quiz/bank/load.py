"""Question files → an immutable Bank, or the list of everything wrong with them.

A bank is a folder: ``source.yaml`` (the article), ``questions/*.yaml`` (lists of
questions) and ``quizzes.yaml``. Every problem is collected, none stops the check.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import re
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from pydantic import TypeAdapter, ValidationError

from . import types as qtypes
from .messages import Issue
from .schema import ID_PATTERN, UNSAFE_TEXT, QuizDef, Source, Tags
from .selection import matching
from .validation import hint, translate_errors
from .yamldoc import Document, parse

MAX_FILE_BYTES = 1024 * 1024
SOURCE_FILE, QUIZZES_FILE, TAGS_FILE, QUESTIONS_DIR = "source.yaml", "quizzes.yaml", "tags.yaml", "questions"
_QUIZ = TypeAdapter(QuizDef)
_SOURCE = TypeAdapter(Source)
_TAGS = TypeAdapter(Tags)


@dataclass(frozen=True)
class Bank:
    """A validated bank: read-only, shared by every request."""

    id: str
    source: Source
    questions: dict  # id → question model, in file order
    quizzes: dict  # id → QuizDef
    files: dict = field(default_factory=dict)  # question id → file it came from
    tags: dict = field(default_factory=dict)  # tag id → Text (its name in both languages)

    @property
    def passages(self) -> dict:
        return {p.id: p for p in self.source.passages}

    def cited(self) -> set[str]:
        return cited_passages(self.questions.values())

    def coverage(self) -> float:
        return coverage(self.cited(), set(self.passages))


def cited_passages(questions) -> set[str]:
    """Passages some question cites as its source (offered-only evidence passages are not)."""
    return {pid for q in questions for pid in q.passages}


def coverage(cited: set[str], passages: set[str]) -> float:
    """Percentage of the passages that some question cites."""
    return 100.0 * len(cited & passages) / len(passages) if passages else 0.0


@dataclass
class LoadResult:
    bank_id: str
    directory: Path
    bank: Bank | None = None
    issues: list[Issue] = field(default_factory=list)
    # Counts for the summary, filled even when the bank has errors.
    question_count: int = 0
    per_type: Counter = field(default_factory=Counter)
    passage_count: int = 0
    coverage: float = 0.0
    quiz_count: int = 0

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]


class Facts(NamedTuple):
    """What the checks across files need to know of a question. Small, so that a file
    checked in another process sends it back cheaply; ``matching`` and ``cited_passages``
    read it like a question."""

    id: str
    type: str
    passages: tuple
    tags: tuple
    difficulty: int
    refs: tuple  # ((path inside the question, passage id), ...)
    same_prompt: bool

    @classmethod
    def of(cls, q) -> Facts:
        return cls(q.id, q.type, tuple(q.passages), tuple(q.tags), q.difficulty, tuple(qtypes.of(q).passage_refs(q)),
                   q.prompt.fr.strip() == q.prompt.en.strip())


class _File:
    """One YAML file being checked: its display path, its data, its findings."""

    def __init__(self, path: Path, display: str, issues: list[Issue]):
        self.path, self.display, self.issues = path, display, issues
        self.data, self._doc = None, None
        self.questions: list[tuple[int, Facts, object]] = []  # question files: (index, facts, model or None)
        try:
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                self.add((), "file_too_large", {"size": size, "limit": MAX_FILE_BYTES}, at=(1, 1))
                return
            raw = path.read_bytes()
            text = raw.decode("utf-8-sig")  # a byte order mark (some Windows editors add one) is not content
        except UnicodeDecodeError as exc:
            self.add((), "file_unreadable", {"problem": str(exc)}, at=(1, 1))
            return
        self._doc = parse(text)
        self.data = self._doc.data
        for p in self._doc.problems:
            self.add((), p.code, p.params, at=(p.line, p.col))
        if _may_be_unsafe(raw, text):  # rare: only then look at each string
            for path in unsafe_strings(self.data):
                self.add(path, "unsafe_text", {})

    def __getstate__(self):
        # Sent back from another process without its text and data; positions needed
        # afterwards (a duplicate id in another file, ...) are found by reading it again.
        return {"path": self.path, "display": self.display, "issues": self.issues, "questions": self.questions}

    def __setstate__(self, state):
        self.__dict__.update(state, data=None, _doc=None)

    @property
    def doc(self) -> Document:
        if self._doc is None:
            self._doc = Document(self.path.read_bytes().decode("utf-8-sig", "replace"), None, [])
        return self._doc

    def where(self, path, key=False) -> str:
        line, _col = self.doc.position(path, key=key)
        return f"{self.display}:{line}"

    def add(self, path, code, params, severity="error", key=False, at=None):
        params = dict(params)
        if "other_path" in params:
            params["other"] = self.where(params.pop("other_path"))
        line, col = at or self.doc.position(path, key=key)
        self.issues.append(Issue(self.display, line, col, severity, code, params))

    def validate(self, adapter, root, data, prefix=()):
        try:
            return adapter.validate_python(data)
        except ValidationError as exc:
            for path, key, code, params in translate_errors(exc, root):
                self.add(prefix + path, code, params, key=key)
            return None


def _may_be_unsafe(raw: bytes, text: str) -> bool:
    """A cheap first look (plain substring searches) before the regular expression. The
    bytes are lowered, which is ten times quicker than the text and enough: the pattern's
    letters are ASCII, and so is its case-insensitivity (re.ASCII)."""
    lowered = raw.lower()
    return (b"<" in raw or b"script:" in lowered or b"data:" in lowered) and bool(UNSAFE_TEXT.search(text))


def unsafe_strings(data, path=()):
    """Paths of the string values holding raw HTML or a javascript:/data: link."""
    if isinstance(data, str):
        if UNSAFE_TEXT.search(data):
            yield path
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from unsafe_strings(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from unsafe_strings(value, (*path, i))


def _display(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive
        return str(path)


# A bank this large is checked by several processes (``check_only``): below it, starting
# them costs more than they save.
PARALLEL_BYTES = 512 * 1024


def load_bank(directory: Path, *, check_only: bool = False) -> LoadResult:
    """Load and check one bank folder; ``result.bank`` is None when it has errors.

    With ``check_only`` (the ``flask quiz check`` command) no Bank is built, and the
    question files of a large bank are read and validated in one process per core.
    """
    # Loading allocates hundreds of thousands of objects that all live on: the cyclic
    # garbage collector would scan them again and again for nothing.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _load_bank(Path(directory), check_only)
    finally:
        if gc_was_enabled:
            gc.enable()


def _load_bank(directory: Path, check_only: bool) -> LoadResult:
    result = LoadResult(directory.name, directory)
    issues = result.issues

    if not re.match(ID_PATTERN, directory.name):
        issues.append(Issue(_display(directory), 1, 1, "error", "bad_bank_name", {"value": directory.name}))
    source, source_file = _load_source(directory, issues)
    passages = {p.id for p in source.passages} if source else set()
    result.passage_count = len(passages)

    tags = _load_tags(directory, issues)
    questions, facts, question_files = {}, {}, {}
    places: dict[str, tuple[_File, tuple]] = {}
    qdir = directory / QUESTIONS_DIR
    paths = sorted(qdir.glob("*.yaml")) + sorted(qdir.glob("*.yml")) if qdir.is_dir() else []
    if not paths:
        issues.append(Issue(_display(directory), 1, 1, "error", "no_questions", {}))
    for f in _question_files(paths, keep_models=not check_only):
        issues.extend(f.issues)
        f.issues = issues  # what the checks across files find goes with the rest
        for i, fact, model in f.questions:
            result.question_count += 1
            result.per_type[fact.type] += 1
            if fact.id in places:
                other_file, other_path = places[fact.id]
                f.add((i, "id"), "duplicate_id", {"what": "question", "id": fact.id, "other": other_file.where(other_path)})
                other_file.add(other_path, "duplicate_id", {"what": "question", "id": fact.id, "other": f.where((i, "id"))})
                continue
            places[fact.id] = (f, (i, "id"))
            facts[fact.id] = fact
            questions[fact.id] = model
            question_files[fact.id] = (f, i)

    if source:
        _check_references(facts, question_files, passages)
    if tags is not None:
        _check_tags(facts, question_files, tags)
    quizzes = _load_quizzes(directory, facts, issues)
    result.quiz_count = len(quizzes)

    if source:
        cited = cited_passages(facts.values())
        result.coverage = coverage(cited, passages)
        for i, passage in enumerate(source.passages):
            if passage.id not in cited:
                source_file.add(("passages", i, "id"), "uncited_passage", {"id": passage.id}, severity="warning")
    for qid, fact in facts.items():
        if fact.same_prompt:
            f, i = question_files[qid]
            f.add((i, "prompt"), "same_prompt", {}, severity="warning")

    issues.sort()
    if source and not result.errors and not check_only:
        files = {qid: f.display for qid, (f, _i) in question_files.items()}
        result.bank = Bank(directory.name, source, questions, quizzes, files, tags or {})
    return result


def _question_files(paths: list[Path], keep_models: bool):
    """Each question file read and validated, in order: here, or (a large bank, only
    checked) spread over one process per core."""
    cores = os.cpu_count() or 1
    if keep_models or cores < 2 or len(paths) < 2 or sum(p.stat().st_size for p in paths) < PARALLEL_BYTES:
        return (_question_file(path, keep_models) for path in paths)
    with ProcessPoolExecutor(min(cores, 4), mp_context=multiprocessing.get_context("fork")) as pool:
        return list(pool.map(_question_file, paths, [False] * len(paths), chunksize=max(1, len(paths) // (4 * cores))))


def _question_file(path: Path, keep_models: bool) -> _File:
    """One question file: its questions validated and checked one by one."""
    f = _File(path, _display(path), [])
    if f.data is None:
        return f
    if not isinstance(f.data, list):
        f.add((), "not_question_list", {})
        return f
    for i, item in enumerate(f.data):
        q = f.validate(qtypes.QUESTION, qtypes.Question, item, (i,))
        if q is None:
            continue
        for path_in_q, code, params in qtypes.of(q).check(q):
            if "other_path" in params:
                params = {**params, "other_path": (i, *params["other_path"])}
            f.add((i, *path_in_q), code, params)
        f.questions.append((i, Facts.of(q), q if keep_models else None))
    return f


def _load_source(directory: Path, issues: list[Issue]) -> tuple[Source | None, _File | None]:
    path = directory / SOURCE_FILE
    if not path.is_file():
        issues.append(Issue(_display(directory), 1, 1, "error", "missing_file", {"name": SOURCE_FILE}))
        return None, None
    f = _File(path, _display(path), issues)
    if f.data is None:
        return None, f
    if not isinstance(f.data, dict):
        f.add((), "not_a_mapping", {})
        return None, f
    source = f.validate(_SOURCE, Source, f.data)
    seen: dict[str, int] = {}
    for i, passage in enumerate(f.data.get("passages") or []):
        pid = passage.get("id") if isinstance(passage, dict) else None
        if not isinstance(pid, str):
            continue
        if pid in seen:
            f.add(("passages", i, "id"), "duplicate_id", {"what": "passage", "id": pid, "other_path": ("passages", seen[pid], "id")})
            f.add(("passages", seen[pid], "id"), "duplicate_id", {"what": "passage", "id": pid, "other_path": ("passages", i, "id")})
            source = None
        else:
            seen[pid] = i
    return source, f


def _check_references(facts, question_files, passages):
    for qid, fact in facts.items():
        f, i = question_files[qid]
        for path, pid in fact.refs:
            if pid not in passages:
                suggestion = hint(pid, passages)
                if suggestion:
                    f.add((i, *path), "unknown_passage_hint", {"id": pid, "hint": suggestion})
                else:
                    f.add((i, *path), "unknown_passage", {"id": pid})


def _load_tags(directory: Path, issues: list[Issue]) -> dict | None:
    """tags.yaml (optional): each tag's name in both languages. When present, every tag used
    must be declared there, which catches misspelt tags."""
    path = directory / TAGS_FILE
    if not path.is_file():
        return None
    f = _File(path, _display(path), issues)
    if f.data is None:
        return {}
    if not isinstance(f.data, dict):
        f.add((), "not_a_mapping", {})
        return {}
    return f.validate(_TAGS, Tags, f.data) or {}


def _check_tags(facts, question_files, tags: dict):
    for qid, fact in facts.items():
        f, i = question_files[qid]
        for j, tag in enumerate(fact.tags):
            if tag not in tags:
                suggestion = hint(tag, tags)
                code = "undeclared_tag_hint" if suggestion else "undeclared_tag"
                f.add((i, "tags", j), code, {"tag": tag, "hint": suggestion, "file": TAGS_FILE})


def _load_quizzes(directory: Path, facts: dict, issues: list[Issue]) -> dict:
    path = directory / QUIZZES_FILE
    if not path.is_file():
        issues.append(Issue(_display(directory), 1, 1, "error", "missing_file", {"name": QUIZZES_FILE}))
        return {}
    f = _File(path, _display(path), issues)
    if f.data is None:
        return {}
    if not isinstance(f.data, list):
        f.add((), "not_quiz_list", {})
        return {}
    tags = {t for fact in facts.values() for t in fact.tags}
    quizzes, seen = {}, {}
    for i, item in enumerate(f.data):
        quiz = f.validate(_QUIZ, QuizDef, item, (i,))
        if quiz is None:
            continue
        if quiz.id in seen:
            f.add((i, "id"), "duplicate_id", {"what": "quiz", "id": quiz.id, "other_path": (seen[quiz.id], "id")})
            f.add((seen[quiz.id], "id"), "duplicate_id", {"what": "quiz", "id": quiz.id, "other_path": (i, "id")})
            continue
        seen[quiz.id] = i
        ok = True
        for j, tag in enumerate(quiz.select.tags):
            if tag not in tags:
                ok = False
                suggestion = hint(tag, tags)
                code = "quiz_unknown_tag_hint" if suggestion else "quiz_unknown_tag"
                f.add((i, "select", "tags", j), code, {"tag": tag, "hint": suggestion})
        for j, name in enumerate(quiz.select.types):
            if name not in qtypes.REGISTRY:
                ok = False
                f.add((i, "select", "types", j), "quiz_unknown_type", {"value": name})
        if ok:
            found = len(matching(facts.values(), quiz.select))
            if found == 0:
                f.add((i, "select"), "quiz_empty", {})
            elif quiz.select.count and found < quiz.select.count:
                f.add((i, "select", "count"), "quiz_too_few", {"found": found, "count": quiz.select.count})
        quizzes[quiz.id] = quiz
    return quizzes


def bank_dirs(root: Path) -> list[Path]:
    """The bank folders under a questions root: those holding a source.yaml or questions/."""
    root = Path(root)
    if not root.is_dir():
        return []
    return sorted(
        d for d in root.iterdir()
        if d.is_dir() and not d.name.startswith((".", "_")) and ((d / SOURCE_FILE).exists() or (d / QUESTIONS_DIR).is_dir())
    )
