"""Reading a data file (calc/data/*.json, or an operator's file of offers) into its pydantic model, held compactly.

The web process keeps every packaged file it reads for as long as it runs, and validation alone would keep each
entry's repeated words (GPU ids, providers, bases, dates) as strings of their own, and each entry's set of the
fields it gave (pydantic's `model_fields_set`: ~700 bytes an entry of a dozen fields, more than its values) in a
set of its own. Read here, a repeated string is one object and equal sets of given fields are one set:
validation, the values and every model's `model_fields_set` stay what they were (tests/test_data_files.py).
"""

import json
from importlib import resources
from typing import Any, TypeVar

from pydantic import BaseModel

Model = TypeVar("Model", bound=BaseModel)


def read_json(text: str) -> Any:
    """`json.loads(text)`, with every repeated string value held once (keys are already: json shares them)."""
    seen: dict[str, str] = {}

    def one_of_each(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        return {key: seen.setdefault(value, value) if isinstance(value, str) else value for key, value in pairs}

    return json.loads(text, object_pairs_hook=one_of_each)


def read_data(model: type[Model], text: str) -> Model:
    """`text`, a data file's JSON, validated as `model` and held compactly."""
    return held_once(model.model_validate(read_json(text)))


def packaged(model: type[Model], name: str) -> Model:
    """calc/data/`name`, validated as `model` and held compactly."""
    return read_data(model, resources.files("calc.data").joinpath(name).read_text(encoding="utf-8"))


def held_once(file: Model) -> Model:
    """`file`, its models (at any depth, in fields and in tuples or lists) sharing one set of given fields per
    distinct set. Only for frozen models: pydantic changes a model's set in place only when a field is assigned, and a
    copy (`model_copy`) gets a set of its own before its update is recorded."""
    shared: dict[frozenset[str], set[str]] = {}
    pending: list[BaseModel] = [file]
    while pending:
        model = pending.pop()
        if not model.model_config.get("frozen"):
            raise TypeError(f"{type(model).__name__} is not frozen: its set of given fields changes in place")
        given = model.model_fields_set
        # Set as pydantic's own model_construct(_fields_set=...) sets it: the attribute behind model_fields_set.
        object.__setattr__(model, "__pydantic_fields_set__", shared.setdefault(frozenset(given), given))
        for value in vars(model).values():
            if isinstance(value, BaseModel):
                pending.append(value)
            elif isinstance(value, (tuple, list)):
                pending += (item for item in value if isinstance(item, BaseModel))
    return file
