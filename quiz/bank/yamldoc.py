"""YAML → plain Python data, with a way back from any path to its line and column.

Only the safe core schema is accepted (strings, numbers, booleans, null, dates, lists,
mappings); any other tag is reported, never constructed. Duplicate keys, which most
loaders silently overwrite, are reported too.

Two parsers share the work, because banks are large (bench/bank.py checks 5,000
questions). yaml-rs (Rust) builds the data of every file; its scalars follow YAML 1.2, so
`yes`, `no`, `on` and `off` are text and only `true`/`false` are booleans. libyaml (through
PyYAML) is the inspector: it reads a file event by event only when yaml-rs refuses it or
when the file holds something yaml-rs would pass over in silence (a control character, a
`!` tag, a directive, a second document), and it composes the node tree that maps a path
to its line only for a file that has something to report.
"""

from __future__ import annotations

import re
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
# The scalar constructors are called directly: construct_object would remember every node
# it ever built in this shared constructor.
_CONSTRUCTOR = SafeConstructor()
_SCALAR_CONSTRUCTORS = SafeConstructor.yaml_constructors


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
    return _SCALAR_CONSTRUCTORS[tag](_CONSTRUCTOR, ScalarNode(tag, value))


def _unsafe(event, problems):
    tag = "!!" + event.tag[len(_CORE):] if event.tag.startswith(_CORE) else event.tag
    mark = event.start_mark
    problems.append(Problem(mark.line + 1, mark.column + 1, "unsafe_tag", {"tag": tag}))
    return None


def _syntax(exc, problems, text):
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if isinstance(exc, yaml.reader.ReaderError) and isinstance(exc.position, int):  # a character YAML refuses
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - text.rfind("\n", 0, exc.position)
        character = exc.character if isinstance(exc.character, str) else chr(exc.character)
        problems.append(Problem(line, col, "yaml_syntax", {"problem": f"character #x{ord(character):04x}: {exc.reason}"}))
        return
    problem = getattr(exc, "problem", None) or str(exc) or "invalid YAML"
    context = getattr(exc, "context", None)
    if context:
        opened = exc.context_mark
        # An unclosed bracket or quote is found lines later: say where it was opened.
        where = f" that starts at line {opened.line + 1}" if opened and opened.line + 1 != line else ""
        problem = f"{problem} ({context}{where})"
    problems.append(Problem(line, col, "yaml_syntax", {"problem": problem}))


# Document markers and directives, at the start of a line.
_MARKERS = re.compile(r"^(?:---|\.\.\.)(?:[ \t]|$)|^%", re.MULTILINE)
# Characters YAML does not allow in a file (control characters): libyaml reports them.
_NOT_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# Characters after which a "!" may open a tag. A "!" in prose ("Attention !") qualifies too:
# that file is merely inspected.
_BEFORE_TAG = frozenset(" \t\r\n[]{},:?-")
_RS_POSITION = re.compile(r"at line (\d+), column (\d+)")


def parse(text: str) -> Document:
    """Parse one YAML document; syntax errors and unsafe tags become problems, not exceptions."""
    if not _needs_inspection(text):
        data, refusal = _rs_load(text)
        if refusal is None:
            return Document(text, data, [])
    return _inspect(text)  # refused or unusual: libyaml says what and where


def _needs_inspection(text: str) -> bool:
    """Whether the file holds something yaml-rs would pass over in silence: a control
    character, a tag (yaml-rs drops local ones such as `!x`), a directive or a second
    document. This runs on every file: one scan, then plain substring searches."""
    if _NOT_PRINTABLE.search(text):
        return True
    start = text.find("!")
    while start != -1:
        if start == 0 or text[start - 1] in _BEFORE_TAG:
            return True
        start = text.find("!", start + 1)
    if text.startswith(("---", "...", "%")) or "\n---" in text or "\n..." in text or "\n%" in text:
        return _MARKERS.search(text) is not None
    return False


def _rs_load(text: str, first_wins: bool = False):
    """yaml-rs's data, or its refusal. A panic inside the Rust code is a refusal too (it is
    raised as a BaseException): a teacher's file must never stop the check."""
    import yaml_rs  # here, not at the top: a process that only serves banks never needs it

    policy = yaml_rs.DuplicateKeyPolicy.FirstWins if first_wins else yaml_rs.DuplicateKeyPolicy.Error
    try:
        return yaml_rs.loads(text, duplicate_key_policy=policy), None
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # noqa: BLE001
        return None, exc


def _inspect(text: str) -> Document:
    problems: list[Problem] = []
    try:
        data = _build(_Parser(text), problems)
    except yaml.YAMLError as exc:
        _syntax(exc, problems, text)
        return Document(text, None, problems)
    if any(p.code == "yaml_syntax" for p in problems):
        return Document(text, None, problems)
    # The same file read by yaml-rs, keeping the first of duplicate keys as libyaml did, so
    # that the rest of the check sees the data it would see in a file without problems.
    rs_data, refusal = _rs_load(text, first_wins=True)
    if refusal is None:
        data = rs_data
    elif not problems:  # libyaml accepts what yaml-rs refuses: report yaml-rs's reason
        where = _RS_POSITION.search(str(refusal))
        line, col = (int(where[1]), int(where[2])) if where else (1, 1)
        reason = (str(refusal).strip().splitlines() or ["invalid YAML"])[-1]
        problems.append(Problem(line, col, "yaml_syntax", {"problem": reason}))
        data = None
    return Document(text, data, problems)


_NO_KEY = object()
_DUPLICATE = object()


def _build(parser, problems):
    """Build the data from the event stream: one list or dict per collection, no nodes,
    with the problems yaml-rs does not locate (duplicate keys with both lines, tags,
    undefined aliases, a second document).

    It runs only on the files that need inspecting, but one of them may be large: the loop
    is written flat, with no call per event on the common path of a plain string.
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
