"""Hosted models' per-token prices (calc/data/api_prices.json), and self-hosting set beside them.

Break-even: a deployment costs the same every hour whatever its load (up to what it can serve), while an API costs
the same for every request. At λ requests per second the API costs λ × 3600 × (its price of one request) an hour,
so hosting is cheaper above

    λ* = deployment $ per hour / (3600 × API $ per request)

provided the deployment can serve λ*: when even at full load a request costs more to host than to buy, there is
no break-even. More replicas add cost and capacity alike, so the full-load cost per request is the best hosting
does, and λ* below one replica's capacity is the only crossing.
"""

import statistics
from collections.abc import Sequence
from datetime import date
from functools import cache
from typing import Literal

from pydantic import BaseModel, Field

from calc.data_files import packaged
from calc.model_config import DATA_FILE, FROZEN, FROZEN_STRICT
from calc.presets import find_preset
from calc.prices import AsOf, is_stale
from calc.units import SECONDS_PER_DAY, SECONDS_PER_HOUR

# Loads the comparison prices self-hosting at, as shares of the deployment's capacity.
LOAD_SHARES = (0.1, 0.25, 0.5, 1.0)


class ApiOffer(BaseModel):
    model_config = FROZEN_STRICT

    model: str = Field(min_length=1)
    open_weights: bool
    provider: str = Field(min_length=1)
    input_usd_per_1m: float = Field(ge=0, le=1000)
    output_usd_per_1m: float = Field(ge=0, le=1000)
    as_of: AsOf
    source: str = Field(min_length=1)
    notes: str | None = None

    def usd_per_request(self, input_tokens: int, output_tokens: int) -> float:
        return (input_tokens * self.input_usd_per_1m + output_tokens * self.output_usd_per_1m) / 1e6

    def blended_usd_per_1m(self, input_tokens: int, output_tokens: int) -> float:
        """The price of 1M tokens in this request's mix of input and output."""
        return self.usd_per_request(input_tokens, output_tokens) / (input_tokens + output_tokens) * 1e6


class ApiFile(BaseModel):
    model_config = DATA_FILE

    schema_text: str | None = Field(default=None, alias="schema")
    offers: tuple[ApiOffer, ...] = Field(min_length=1)


@cache
def api_data() -> ApiFile:
    return packaged(ApiFile, "api_prices.json")


def _key(name: str) -> str:
    preset = find_preset(name)
    return (preset.name if preset else name).strip().lower().replace(" ", "-")


def api_models() -> list[str]:
    """Every model the catalog prices, in the data's order."""
    return list(dict.fromkeys(offer.model for offer in api_data().offers))


def api_offers(model: str | None = None) -> list[ApiOffer]:
    """The offers for one model (a preset's name or alias, or the vendor's name), cheapest output first; all
    offers when `model` is None."""
    if model is None:
        return sorted(api_data().offers, key=_order)
    return _offers_by_model().get(_key(model), [])


def _order(offer: ApiOffer) -> tuple[str, float, float, str]:
    return offer.model, offer.output_usd_per_1m, offer.input_usd_per_1m, offer.provider


@cache
def _offers_by_model() -> dict[str, list[ApiOffer]]:
    by_model: dict[str, list[ApiOffer]] = {}
    for offer in sorted(api_data().offers, key=_order):
        by_model.setdefault(_key(offer.model), []).append(offer)
    return by_model


class LoadPoint(BaseModel):
    model_config = FROZEN

    load_share: float
    rps: float
    usd_per_1m: float  # self-hosted, blended in the request's mix


class ApiComparison(BaseModel):
    """Self-hosting a model beside paying its APIs, in the request's mix of input and output tokens."""

    model_config = FROZEN

    model: str
    offers: int
    cheapest_input_usd_per_1m: float
    cheapest_output_usd_per_1m: float
    cheapest_blended_usd_per_1m: float
    cheapest_provider: str
    median_blended_usd_per_1m: float
    highest_blended_usd_per_1m: float
    self_hosted_usd_per_1m: float  # at full load
    deployment_usd_per_hour: float
    capacity_rps: float
    break_even_rps: float | None  # against the cheapest offer
    break_even_tokens_per_day: float | None
    break_even_rps_median: float | None  # against the median offer
    loads: tuple[LoadPoint, ...]


def break_even_rps(api_usd_per_request: float, deployment_usd_per_hour: float, capacity_rps: float) -> float | None:
    """Requests per second above which hosting beats paying `api_usd_per_request`, or None when it never does."""
    if api_usd_per_request <= 0:
        return None
    rps = deployment_usd_per_hour / (SECONDS_PER_HOUR * api_usd_per_request)
    return rps if rps <= capacity_rps else None


def compare_with_apis(
    model: str,
    input_tokens: int,
    output_tokens: int,
    deployment_usd_per_hour: float,
    capacity_rps: float,
    offers: Sequence[ApiOffer] | None = None,
) -> ApiComparison | None:
    """The comparison for a deployment of `model` costing `deployment_usd_per_hour` and serving up to
    `capacity_rps` requests of this shape; None when no API prices the model."""
    offers = api_offers(model) if offers is None else offers
    tokens = input_tokens + output_tokens
    if not offers or tokens == 0 or capacity_rps <= 0:
        return None
    per_request = sorted(offer.usd_per_request(input_tokens, output_tokens) for offer in offers)
    cheapest = min(offers, key=lambda offer: offer.usd_per_request(input_tokens, output_tokens))
    median_request = statistics.median(per_request)
    cheapest_rps = break_even_rps(per_request[0], deployment_usd_per_hour, capacity_rps)

    def per_1m(rps: float) -> float:
        return deployment_usd_per_hour / (rps * SECONDS_PER_HOUR * tokens) * 1e6

    return ApiComparison(
        model=offers[0].model,
        offers=len(offers),
        cheapest_input_usd_per_1m=min(offer.input_usd_per_1m for offer in offers),
        cheapest_output_usd_per_1m=min(offer.output_usd_per_1m for offer in offers),
        cheapest_blended_usd_per_1m=per_request[0] / tokens * 1e6,
        cheapest_provider=cheapest.provider,
        median_blended_usd_per_1m=median_request / tokens * 1e6,
        highest_blended_usd_per_1m=per_request[-1] / tokens * 1e6,
        self_hosted_usd_per_1m=per_1m(capacity_rps),
        deployment_usd_per_hour=deployment_usd_per_hour,
        capacity_rps=capacity_rps,
        break_even_rps=cheapest_rps,
        break_even_tokens_per_day=None if cheapest_rps is None else cheapest_rps * SECONDS_PER_DAY * tokens,
        break_even_rps_median=break_even_rps(median_request, deployment_usd_per_hour, capacity_rps),
        loads=tuple(
            LoadPoint(load_share=share, rps=share * capacity_rps, usd_per_1m=per_1m(share * capacity_rps))
            for share in LOAD_SHARES
        ),
    )


class ListedApiOffer(ApiOffer):
    stale: bool  # seen over 12 months before today


class ApiTable(BaseModel):
    """What `api [model]` answers: the offers, cheapest output first within each model."""

    model_config = FROZEN

    kind: Literal["api"] = "api"
    model: str | None
    offers: tuple[ListedApiOffer, ...]


def api_table(model: str | None, today: date) -> ApiTable:
    offers = api_offers(model)
    listed = tuple(ListedApiOffer(**offer.model_dump(), stale=is_stale(offer.as_of, today)) for offer in offers)
    return ApiTable(model=offers[0].model if model is not None and offers else None, offers=listed)
