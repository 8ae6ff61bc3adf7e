"""Pydantic's validation errors, said in the checker's words, at the file's line."""

from __future__ import annotations

import datetime as dt
import difflib
import re
import types as _pytypes
import typing

from pydantic import BaseModel, ValidationError

from .messages import N_
from .schema import ID_PATTERN, NOT_BLANK
from .types import REGISTRY

KIND_NAMES = {
    "text": N_("text"),
    "int": N_("a whole number"),
    "number": N_("a number"),
    "bool": N_("true or false"),
    "list": N_("a list"),
    "mapping": N_("a mapping (key: value)"),
    "date": N_("a date (YYYY-MM-DD)"),
    "empty": N_("an empty value"),
}

_EXPECTED = {
    "string_type": "text", "int_type": "int", "int_parsing": "int", "int_from_float": "int",
    "float_type": "number", "float_parsing": "number", "bool_type": "bool", "bool_parsing": "bool",
    "list_type": "list", "model_type": "mapping", "dict_type": "mapping", "model_attributes_type": "mapping",
    "date_type": "date", "date_parsing": "date", "date_from_datetime_parsing": "date",
    "date_from_datetime_inexact": "date",
}


def kind_of(value) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "number"
    if isinstance(value, (dt.date, dt.datetime)):
        return "date"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "mapping"
    return "text"


def _unwrap(tp):
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, _pytypes.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            if len(args) == 1:
                tp = args[0]
            else:
                return args
        else:
            return tp


def fields_at(root, loc) -> list[str] | None:
    """The keys allowed in the mapping at ``loc`` (a pydantic location), when it is a model."""
    tp = root
    for step in loc:
        tp = _unwrap(tp)
        if isinstance(tp, list):  # the question union: pydantic puts the type name in loc
            if step in REGISTRY:
                tp = REGISTRY[step].model
                continue
            return None
        if isinstance(step, int):
            if typing.get_origin(tp) is list:
                tp = typing.get_args(tp)[0]
                continue
            return None
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            if step not in tp.model_fields:
                return None
            tp = tp.model_fields[step].annotation
            continue
        return None
    tp = _unwrap(tp)
    if isinstance(tp, list):
        return ["type"]
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return list(tp.model_fields)
    return None


def hint(word: str, candidates) -> str | None:
    matches = difflib.get_close_matches(str(word), [str(c) for c in candidates], n=1, cutoff=0.6)
    return matches[0] if matches else None


def _data_path(loc) -> tuple:
    """Drop the union tags pydantic inserts, so the path follows the file."""
    return tuple(step for step in loc if not (isinstance(step, str) and step in REGISTRY))


def translate_errors(exc: ValidationError, root) -> list[tuple[tuple, bool, str, dict]]:
    """[(path in the data, point at the key?, message code, params)] for each pydantic error."""
    found = []
    for err in exc.errors(include_url=False):
        kind, loc, ctx = err["type"], tuple(err["loc"]), err.get("ctx") or {}
        path = _data_path(loc)
        if kind == "missing":
            key = loc[-1]
            if key in ("fr", "en"):
                found.append((path[:-1], False, "missing_text", {"language": key, "key": key}))
            else:
                found.append((path[:-1], False, "missing_key", {"key": key}))
        elif kind == "extra_forbidden":
            key = loc[-1]
            suggestion = hint(key, fields_at(root, loc[:-1]) or [])
            if suggestion:
                found.append((path, True, "unknown_key_hint", {"key": key, "hint": suggestion}))
            else:
                found.append((path, True, "unknown_key", {"key": key}))
        elif kind == "string_pattern_mismatch" and ctx.get("pattern") == NOT_BLANK:
            found.append((path, False, "empty_text", {}))
        elif kind == "string_pattern_mismatch" and ctx.get("pattern") == ID_PATTERN:
            found.append((path, False, "bad_id", {"value": err.get("input")}))
        elif kind == "union_tag_invalid":
            value, expected = ctx.get("tag"), tuple(REGISTRY)
            suggestion = hint(value, expected)
            if suggestion:
                found.append((path + ("type",), False, "unknown_type_hint", {"value": value, "hint": suggestion}))
            else:
                found.append((path + ("type",), False, "unknown_type", {"value": value, "expected": ", ".join(expected)}))
        elif kind == "union_tag_not_found":
            found.append((path, False, "missing_type", {"expected": ", ".join(REGISTRY)}))
        elif kind == "literal_error":
            allowed = re.findall(r"'([^']*)'", ctx.get("expected", ""))
            value = err.get("input")
            suggestion = hint(value, allowed)
            if suggestion:
                found.append((path, False, "not_allowed_value_hint", {"value": value, "hint": suggestion}))
            else:
                found.append((path, False, "not_allowed_value", {"value": value, "expected": ", ".join(allowed)}))
        elif kind == "too_short":
            found.append((path, False, "too_short_list", {"min": ctx.get("min_length"), "found": ctx.get("actual_length")}))
        elif kind in ("greater_than_equal", "greater_than"):
            limit = ctx.get("ge", ctx.get("gt"))
            found.append((path, False, "number_too_small", {"value": err.get("input"), "limit": limit}))
        elif kind in ("less_than_equal", "less_than"):
            limit = ctx.get("le", ctx.get("lt"))
            found.append((path, False, "number_too_large", {"value": err.get("input"), "limit": limit}))
        elif kind in _EXPECTED:
            found.append((path, False, "wrong_kind", {"expected": KIND_NAMES[_EXPECTED[kind]],
                                                      "found": KIND_NAMES[kind_of(err.get("input"))]}))
        else:
            found.append((path, False, "invalid_value", {"problem": err["msg"]}))
    return found
