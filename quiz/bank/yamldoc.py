"""YAML → plain Python data, keeping each node so that any path can be traced to its line.

Only the safe core schema is accepted (strings, numbers, booleans, null, dates, lists,
mappings); any other tag is reported, never constructed. Duplicate keys, which PyYAML
silently overwrites, are reported too.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

try:  # libyaml makes a 5,000-question bank parse in a fraction of a second
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - wheels ship libyaml
    from yaml import SafeLoader as _Loader

_CORE = "tag:yaml.org,2002:"
_SAFE_SCALARS = {_CORE + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_SEQ, _MAP = _CORE + "seq", _CORE + "map"


@dataclass(frozen=True)
class Problem:
    line: int
    col: int
    code: str
    params: dict


class Document:
    """A parsed YAML file: ``data`` plus a way back from a path to a line."""

    def __init__(self, data, root, problems: list[Problem]):
        self.data = data
        self.root = root
        self.problems = problems

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
                else:
                    continue  # a step that is not in the file (a union tag, a missing key)
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
                node = node.value[step]
                mark = node.start_mark
            else:
                continue
        return mark.line + 1, mark.column + 1


def parse(text: str) -> Document:
    """Parse one YAML document; syntax errors and unsafe tags become problems, not exceptions."""
    loader = _Loader(text)
    problems: list[Problem] = []
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = " ".join(p for p in (exc.context, exc.problem) if p) or "invalid YAML"
        return Document(None, None, [Problem(line, col, "yaml_syntax", {"problem": problem})])
    except yaml.YAMLError as exc:
        return Document(None, None, [Problem(1, 1, "yaml_syntax", {"problem": str(exc)})])
    finally:
        loader.dispose()
    if root is None:
        return Document(None, None, problems)
    data = _build(root, loader, problems)
    return Document(data, root, problems)


def _build(node, loader, problems: list[Problem]):
    tag = node.tag
    if isinstance(node, yaml.ScalarNode):
        if tag not in _SAFE_SCALARS:
            return _unsafe(node, problems)
        if tag == _CORE + "str":
            return node.value
        return loader.construct_object(node)
    if isinstance(node, yaml.SequenceNode):
        if tag != _SEQ:
            return _unsafe(node, problems)
        return [_build(item, loader, problems) for item in node.value]
    if tag != _MAP:
        return _unsafe(node, problems)
    result: dict = {}
    seen: dict = {}
    for key_node, value_node in node.value:
        key = _build(key_node, loader, problems)
        if not isinstance(key, (str, int, float, bool)) or key is None:
            key = str(key)
        if key in seen:
            problems.append(Problem(key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                                    "duplicate_key", {"key": key, "other": seen[key]}))
            continue
        seen[key] = key_node.start_mark.line + 1
        result[key] = _build(value_node, loader, problems)
    return result


def _unsafe(node, problems: list[Problem]):
    tag = "!!" + node.tag[len(_CORE):] if node.tag.startswith(_CORE) else node.tag
    problems.append(Problem(node.start_mark.line + 1, node.start_mark.column + 1, "unsafe_tag", {"tag": tag}))
    return None
