"""Team defaults: what a workspace set once, filled into every estimate wherever the user typed nothing.

A setting is stored as text under a key: `gpu`, `currency`, `rate`, `mfu`, or `price:<gpu id>` (a team may
pay its own price on each GPU). Values meet the very types and bounds an estimate's `key=value` meets:
`TeamValues` is built from `calc.requests.JobRequest`'s own fields.
"""

import logging
from collections.abc import Iterable
from datetime import date
from typing import Any, TypeVar, cast

from pydantic import BaseModel, Field, ValidationError, create_model

from bot.render.escape import mention
from bot.team.records import Setting
from bot.wording.i18n import t
from calc.gpus import DEFAULT_GPU_ID, find_gpu
from calc.model_config import FROZEN, FROZEN_STRICT
from calc.rental import RentRequest
from calc.requests import InferRequest, JobRequest, TrainRequest
from calc.units import Currency

SETTABLE = ("gpu", "price", "currency", "rate", "mfu")
_PRICE_PREFIX = "price:"
Defaultable = TypeVar("Defaultable", bound=TrainRequest | InferRequest | RentRequest)


def _team_fields() -> dict[str, Any]:
    """Each setting's field, typed as JobRequest types it and unset (None) by default.

    dict[str, Any]: create_model's own keywords (__config__, __doc__, ...) share **kwargs with the fields, so a
    splat of a precisely typed dict matches none of its overloads.
    """
    return {name: (JobRequest.model_fields[name].annotation, None) for name in SETTABLE}


TeamValues: type[BaseModel] = create_model(  # one optional field per setting
    "TeamValues",
    __config__=FROZEN_STRICT,
    **_team_fields(),
)

log = logging.getLogger(__name__)


def setting_key(field: str, gpu_id: str | None = None) -> str:
    """The stored key: a price is kept per GPU, every other setting once."""
    return f"{_PRICE_PREFIX}{gpu_id}" if field == "price" else field


def split_key(key: str) -> tuple[str, str | None]:
    """`price:H100-SXM` -> ('price', 'H100-SXM'); `mfu` -> ('mfu', None)."""
    if key.startswith(_PRICE_PREFIX):
        return "price", key.removeprefix(_PRICE_PREFIX)
    return key, None


def stored_text(value: object) -> str:
    """A checked value as the text kept in the database; repr keeps a float exact (0.4 -> '0.4')."""
    return repr(value) if isinstance(value, float) else str(value)


class TeamValue(BaseModel):
    """A number the team set (a price in USD per GPU-hour, an MFU), with who set it and when: an estimate names them."""

    model_config = FROZEN

    value: float
    set_by: str
    set_on: date

    def label(self, code: str, lang: str) -> str:
        return t(lang, code, user=mention(self.set_by), date=self.set_on.isoformat())


class TeamDefaults(BaseModel):
    """A workspace's defaults, checked; `prices` is keyed by catalog GPU id."""

    model_config = FROZEN_STRICT

    gpu: str | None = None
    currency: Currency | None = None
    rate: float | None = None
    mfu: TeamValue | None = None
    prices: dict[str, TeamValue] = Field(default_factory=dict)

    @classmethod
    def from_settings(cls, settings: Iterable[Setting]) -> "TeamDefaults":
        fields: dict[str, Any] = {}
        prices: dict[str, TeamValue] = {}
        for setting in settings:
            field, gpu_name = split_key(setting.key)
            read = _read_stored(field, gpu_name, setting.value)
            if read is None:
                # Written by a release whose catalog or bounds differ: skip it rather than fail every estimate
                # of the workspace; `settings` still lists it and a plain `reset` removes it.
                log.warning("ignoring unreadable team setting %s=%r", setting.key, setting.value)
                continue
            gpu_id, value = read
            if field in ("price", "mfu"):
                value = TeamValue(value=value, set_by=setting.set_by, set_on=setting.set_at.date())
            if field == "price":
                prices[gpu_id] = value
            else:
                fields[field] = value
        return cls(prices=prices, **fields)


def _read_stored(field: str, gpu_name: str | None, text: str) -> tuple[str, Any] | None:
    """(the GPU id a price is for, or '', the value) for stored text that still reads; None for text that does not."""
    try:
        value = getattr(TeamValues.model_validate({field: text}), field)
    except ValidationError:  # an unknown key too: TeamValues forbids extra fields
        return None
    if field == "price":
        gpu = find_gpu(gpu_name or "")
        return None if gpu is None else (gpu.id, value)
    if field == "gpu":
        gpu = find_gpu(value)
        return None if gpu is None else ("", gpu.id)
    return "", value


def apply_defaults(request: Defaultable, defaults: TeamDefaults, lang: str = "en") -> Defaultable:
    """The request with the team's values in every field the user left unset; a typed value always wins. A rental
    takes the GPU, its price and the currency (it has no MFU)."""
    updates: dict[str, object] = {}
    if request.gpu is None and defaults.gpu is not None:
        updates["gpu"] = defaults.gpu
    # The team's price is for one GPU: it applies when that is the GPU the estimate actually runs on.
    named = find_gpu(request.gpu or defaults.gpu or DEFAULT_GPU_ID)
    team_price = defaults.prices.get(named.id) if named is not None else None
    if request.price is None and team_price is not None:
        updates["price"] = team_price.value
        updates["price_label"] = team_price.label("team_price_label", lang)
    if request.currency is None and defaults.currency is not None:
        updates["currency"] = defaults.currency
    # calc reads a rate without a currency as "in CNY": a team rate must not turn a dollar estimate into yuan.
    currency = request.currency or defaults.currency
    if request.rate is None and defaults.rate is not None and currency is Currency.CNY:
        updates["rate"] = defaults.rate
    if not isinstance(request, RentRequest) and request.mfu is None and defaults.mfu is not None:
        updates["mfu"] = defaults.mfu.value
        updates["mfu_label"] = defaults.mfu.label("team_mfu_label", lang)
    if not updates:  # nothing of the team's applies (no defaults set, or all typed): the request stands as validated
        return request
    # Validated again as a whole: the filled request meets every rule a typed one does.
    # (mypy reads model_validate on a value of a union-bound type variable as the union: the cast says what it is.)
    return cast(Defaultable, type(request).model_validate({**dict(request), **updates}))
