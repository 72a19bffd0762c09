"""The packaged data files read compactly (calc.data_files): the same models, values and given fields as a plain
read, with repeated strings and equal sets of given fields held once."""

import json
from collections.abc import Callable, Sequence
from importlib import resources

import pytest
from pydantic import BaseModel, ConfigDict

from calc.api_prices import ApiFile, api_data
from calc.data_files import held_once, read_json
from calc.prices import OfferFile, packaged_offers
from calc.runs import TrainingRunsFile, load_runs_file
from calc.shapes import ShapeFile, _shapes, preset_shapes


def _plain(name: str, model: type[BaseModel]) -> BaseModel:
    return model.model_validate(json.loads(resources.files("calc.data").joinpath(name).read_text(encoding="utf-8")))


FILES: list[tuple[str, type[BaseModel], Callable[[], BaseModel]]] = [
    ("gpu_offers.json", OfferFile, packaged_offers),
    ("training_runs.json", TrainingRunsFile, load_runs_file),
    ("model_shapes.json", ShapeFile, _shapes),
    ("api_prices.json", ApiFile, api_data),
]


def _models(file: BaseModel) -> list[BaseModel]:
    """Every model in `file`, itself first, in a fixed order."""
    found = [file]
    for name in type(file).model_fields:
        value = getattr(file, name)
        for item in value if isinstance(value, (tuple, list)) else (value,):
            if isinstance(item, BaseModel):
                found += _models(item)
    return found


@pytest.mark.parametrize(("name", "model", "load"), FILES)
def test_a_file_read_compactly_is_the_file_read_plainly(
    name: str, model: type[BaseModel], load: Callable[[], BaseModel]
) -> None:
    plain, compact = _plain(name, model), load()
    assert compact == plain
    assert compact.model_dump_json() == plain.model_dump_json()
    assert [each.model_fields_set for each in _models(compact)] == [each.model_fields_set for each in _models(plain)]


@pytest.mark.parametrize(("name", "model", "load"), FILES)
def test_equal_strings_and_equal_sets_of_given_fields_are_held_once(
    name: str, model: type[BaseModel], load: Callable[[], BaseModel]
) -> None:
    models = _models(load())
    strings = [value for each in models for value in vars(each).values() if isinstance(value, str)]
    assert len({id(value) for value in strings}) == len(set(strings)) < len(strings)
    sets = [each.model_fields_set for each in models]
    assert len({id(given) for given in sets}) == len({frozenset(given) for given in sets}) < len(sets)


def test_a_copy_with_an_update_leaves_the_shared_set_of_given_fields_alone() -> None:
    shapes: Sequence[BaseModel] = preset_shapes()
    before = [set(shape.model_fields_set) for shape in shapes]
    shape = next(each for each in shapes if len(type(each).model_fields) > len(each.model_fields_set))
    assert any(other is not shape and other.model_fields_set is shape.model_fields_set for other in shapes)
    not_given = next(name for name in type(shape).model_fields if name not in shape.model_fields_set)
    copied = shape.model_copy(update={not_given: None})
    assert not_given in copied.model_fields_set
    assert [set(each.model_fields_set) for each in shapes] == before


def test_a_model_that_can_change_is_refused() -> None:
    class Changeable(BaseModel):
        model_config = ConfigDict(frozen=False)
        word: str

    with pytest.raises(TypeError, match="Changeable is not frozen"):
        held_once(Changeable(word="a"))


def test_a_repeated_string_value_is_read_as_one_object() -> None:
    first, second = read_json('[{"basis": "on-demand"}, {"basis": "on-demand", "note": "x"}]')
    assert first == {"basis": "on-demand"} and second == {"basis": "on-demand", "note": "x"}
    assert first["basis"] is second["basis"]
