"""The configs every pydantic model of llmcost shares: one object each, so a setting is made in one place.

`defer_build`: a model's validator and serializer (its core schema, most of what a model class costs) are built
the first time the model is used, not when its class is defined. A command builds only the models it touches: the
terminal's `llmcost train 175B 500B` builds a handful of the ~70, and no import builds any.

`protected_namespaces=()`: pydantic checks every field of every class, as the class is defined, against the names
of its own methods (`model_dump...`, `model_validate...`), to warn of a field that would shadow one; ~60 classes at
every start. tests/test_start_up.py makes that check once, over every model, instead.
"""

from pydantic import ConfigDict

FROZEN = ConfigDict(frozen=True, defer_build=True, protected_namespaces=())
# What a person or a file gives: an unknown key is a mistake, not something to ignore.
FROZEN_STRICT = ConfigDict(frozen=True, extra="forbid", defer_build=True, protected_namespaces=())
# A packaged data file: strict, and its top-level "schema" text read into a field that `schema` would shadow.
DATA_FILE = ConfigDict(frozen=True, extra="forbid", populate_by_name=True, defer_build=True, protected_namespaces=())
