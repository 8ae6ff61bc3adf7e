"""YAML → plain Python data, with a way back from any path to its line and column.

Only the safe core schema is accepted (strings, numbers, booleans, null, dates, lists,
mappings); any other tag is reported, never constructed. Duplicate keys, which PyYAML
silently overwrites, are reported too.

Speed matters (bench/bank.py checks a 5,000-question bank), so the data is built straight
from libyaml's events, and the node tree that maps paths to lines is composed only for a
file that has something to report.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode

try:
    from yaml import CSafeLoader as _Loader
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - the wheels ship libyaml
    from yaml import SafeLoader as _Loader

    def _Parser(text):  # noqa: N802
        return yaml.SafeLoader(text)

_CORE = "tag:yaml.org,2002:"
_SAFE_SCALARS = {_CORE + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_SEQ, _MAP, _STR = _CORE + "seq", _CORE + "map", _CORE + "str"
_IMPLICIT = yaml.SafeLoader.yaml_implicit_resolvers
_CONSTRUCTOR = SafeConstructor()


@dataclass(frozen=True)
class Problem:
    line: int
    col: int
    code: str
    params: dict


class Document:
    """A parsed YAML file: ``data`` plus ``position(path)`` for its problems."""

    def __init__(self, text: str, data, problems: list[Problem]):
        self.text = text
        self.data = data
        self.problems = problems
        self._root = None
        self._composed = False

    @property
    def root(self):
        if not self._composed:
            self._composed = True
            try:
                self._root = yaml.compose(self.text, Loader=_Loader)
            except yaml.YAMLError:
                self._root = None
        return self._root

    def position(self, path, key: bool = False) -> tuple[int, int]:
        """1-based (line, col) of the node at ``path`` (a tuple of keys and indexes).

        The walk stops at the deepest node that exists, so a missing key points at the
        mapping that lacks it. With ``key=True`` the last step points at the key itself.
        """
        node = self.root
        if node is None:
            return 1, 1
        mark = node.start_mark
        for i, step in enumerate(path):
            last = i == len(path) - 1
            if isinstance(node, yaml.MappingNode):
                for k, v in node.value:
                    if isinstance(k, yaml.ScalarNode) and k.value == str(step):
                        node = v
                        mark = k.start_mark if (last and key) else v.start_mark
                        break
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
                node = node.value[step]
                mark = node.start_mark
            # any other step is not in the file (a union tag, a missing key): stay here
        return mark.line + 1, mark.column + 1


def _scalar(event, problems):
    tag, value = event.tag, event.value
    if tag is None or tag == "!":
        if not event.implicit[0]:  # quoted: always a string
            return value
        for resolved, regexp in _IMPLICIT.get(value[:1], ()):
            if regexp.match(value):
                tag = resolved
                break
        else:
            return value
    if tag == _STR:
        return value
    if tag not in _SAFE_SCALARS:
        return _unsafe(event, problems)
    return _CONSTRUCTOR.construct_object(ScalarNode(tag, value))


def _unsafe(event, problems):
    tag = "!!" + event.tag[len(_CORE):] if event.tag.startswith(_CORE) else event.tag
    mark = event.start_mark
    problems.append(Problem(mark.line + 1, mark.column + 1, "unsafe_tag", {"tag": tag}))
    return None


def _syntax(exc, problems):
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = getattr(exc, "problem", None) or str(exc) or "invalid YAML"
    context = getattr(exc, "context", None)
    if context:
        opened = exc.context_mark
        # An unclosed bracket or quote is found lines later: say where it was opened.
        where = f" that starts at line {opened.line + 1}" if opened and opened.line + 1 != line else ""
        problem = f"{problem} ({context}{where})"
    problems.append(Problem(line, col, "yaml_syntax", {"problem": problem}))


def parse(text: str) -> Document:
    """Parse one YAML document; syntax errors and unsafe tags become problems, not exceptions."""
    problems: list[Problem] = []
    try:
        data = _build(_Parser(text), problems)
    except yaml.YAMLError as exc:
        _syntax(exc, problems)
        return Document(text, None, problems)
    return Document(text, data, problems)


_NO_KEY = object()
_DUPLICATE = object()


def _build(parser, problems):
    """Build the data from the event stream: one list or dict per collection, no nodes.

    This loop runs once per scalar of a bank (a quarter of a million for 5,000 questions),
    so it is written flat: no call per event on the common path of a plain string.
    """
    ScalarEvent, AliasEvent = yaml.ScalarEvent, yaml.AliasEvent
    MappingStart, SequenceStart = yaml.MappingStartEvent, yaml.SequenceStartEvent
    MappingEnd, SequenceEnd = yaml.MappingEndEvent, yaml.SequenceEndEvent
    DocumentStart, StreamEnd = yaml.DocumentStartEvent, yaml.StreamEndEvent
    implicit_get = _IMPLICIT.get
    get_event = parser.get_event
    anchors: dict = {}
    stack: list = []  # open collections
    keys: list = []  # per open mapping: the pending key, or _NO_KEY
    key_lines: list = []  # per open mapping: key → line where it was first seen
    root = None
    documents = 0
    while True:
        event = get_event()
        kind = type(event)
        if kind is ScalarEvent:
            value = event.value
            tag = event.tag
            if tag is None and (not event.implicit[0] or not implicit_get(value[:1])):
                pass  # a plain or quoted string: by far the most common case
            else:
                value = _scalar(event, problems)
            if event.anchor:
                anchors[event.anchor] = value
        elif kind is MappingStart or kind is SequenceStart:
            mapping = kind is MappingStart
            if event.tag not in (None, "!", _MAP if mapping else _SEQ):
                _unsafe(event, problems)
            value = {} if mapping else []
            if event.anchor:
                anchors[event.anchor] = value
        elif kind is MappingEnd or kind is SequenceEnd:
            if type(stack.pop()) is dict:
                keys.pop()
                key_lines.pop()
            continue
        elif kind is AliasEvent:
            if event.anchor not in anchors:
                mark = event.start_mark
                problems.append(Problem(mark.line + 1, mark.column + 1, "yaml_syntax",
                                        {"problem": f"found undefined alias {event.anchor!r}"}))
            value = anchors.get(event.anchor)
        elif kind is DocumentStart:
            documents += 1
            if documents > 1:
                mark = event.start_mark
                problems.append(Problem(mark.line + 1, mark.column + 1, "yaml_syntax",
                                        {"problem": "expected a single document in the file"}))
                return None
            continue
        elif kind is StreamEnd:
            return root
        else:
            continue

        if not stack:
            root = value
        else:
            parent = stack[-1]
            if type(parent) is list:
                parent.append(value)
            elif keys[-1] is _NO_KEY:  # this value is a key
                key = value if isinstance(value, (str, int, float, bool)) else str(value)
                line = event.start_mark.line + 1
                seen = key_lines[-1]
                if key in seen:
                    problems.append(Problem(line, event.start_mark.column + 1, "duplicate_key",
                                            {"key": key, "other": seen[key]}))
                    key = _DUPLICATE
                else:
                    seen[key] = line
                keys[-1] = key
            else:
                if keys[-1] is not _DUPLICATE:
                    parent[keys[-1]] = value
                keys[-1] = _NO_KEY
        if kind is MappingStart:
            stack.append(value)
            keys.append(_NO_KEY)
            key_lines.append({})
        elif kind is SequenceStart:
            stack.append(value)
