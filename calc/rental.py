"""Renting GPUs, no model involved: GPUs x hours x the hourly price on a basis, in the currency asked.

"What do 2048 H800s cost for 2 months?" is answered from the same offers and the same rule as an estimate's price
(calc.prices), except for its default basis: a rental is priced on-demand unless `basis=` says otherwise, since the
seed's A100 figure is a 3-year reservation that nobody gets for a few weeks. The spread on the basis (the cheapest
and the dearest provider counted) is carried too, so the answer shows how much the choice of provider moves it.

Kept out of calc.prices so that module stays the offers and their rule; this one only multiplies.
"""

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, Field, model_validator

from calc.assumptions import DEFAULT_CNY_PER_USD, describe_price, given_price_info, priced_offer
from calc.compare import SkippedGpu, each_gpu
from calc.errors import EstimateError
from calc.gpus import DEFAULT_GPU_ID, get_gpu
from calc.model_config import FROZEN, FROZEN_STRICT
from calc.prices import DEFAULT_BASIS, OWN_BASIS, normal_basis, price_book
from calc.results import PriceInfo
from calc.units import Currency

HOURS_PER_DAY = 24


class RentRequest(BaseModel):
    """`gpus` of one GPU for `days` or `hours` (neither: the cost per hour and per day only), or `gpu_hours` in all;
    unset fields use the defaults."""

    model_config = FROZEN_STRICT

    kind: Literal["rent"] = "rent"
    gpu: str | None = None
    gpus: Annotated[int, Field(ge=1, le=10_000_000)] = 1
    days: Annotated[float, Field(gt=0, le=3650)] | None = None  # ten years at most, as training's `days=`
    hours: Annotated[float, Field(gt=0, le=87_600)] | None = None
    # GPU-hours in all ("2.8M H800 GPU-hours"): instead of GPUs and a time
    gpu_hours: Annotated[float, Field(gt=0, le=1e12)] | None = None
    basis: str | None = None
    price: Annotated[float, Field(gt=0, le=1000)] | None = None  # USD per GPU-hour
    price_label: str | None = None
    discount: Annotated[float, Field(ge=0, lt=1)] = 0.0
    currency: Currency | None = None
    rate: Annotated[float, Field(gt=0, le=1000)] | None = None

    @model_validator(mode="after")
    def _one_duration(self) -> "RentRequest":
        if self.days is not None and self.hours is not None:
            raise ValueError("give days= or hours=, not both")
        if self.gpu_hours is not None and (self.days is not None or self.hours is not None or self.gpus != 1):
            raise ValueError("gpu_hours= is GPUs and time in one: give no gpus=, days= or hours= with it")
        return self

    @property
    def total_hours(self) -> float | None:
        return self.hours if self.days is None else self.days * HOURS_PER_DAY


class RentResult(BaseModel):
    """The rental's cost, with the price behind it; money in USD and in the asked currency, after discount."""

    model_config = FROZEN

    kind: Literal["rent"] = "rent"
    gpu: str
    gpu_name: str
    gpus: int
    hours: float | None
    days: float | None
    gpu_hours: float | None
    price_per_gpu_hour: float  # USD, before discount
    price_source: str
    price_basis: str | None
    price: PriceInfo
    spread_usd_per_gpu_hour: tuple[float, float] | None  # cheapest and dearest provider counted on the basis
    discount: float
    cost_usd_per_hour: float  # the whole fleet, after discount
    cost_usd: float | None  # the whole rental, after discount; None without hours or GPU-hours
    cost_per_hour: float  # in `currency`
    cost: float | None
    currency: Currency
    fx_rate: float

    @property
    def compared_cost(self) -> float:
        """What rentals are ranked and shown by, in `currency`: the whole rental, or the fleet's hour without a
        length."""
        return self.cost if self.cost is not None else self.cost_per_hour


def rent(request: RentRequest, today: date) -> RentResult:
    gpu = get_gpu(request.gpu or DEFAULT_GPU_ID)
    price, info, spread = _price(request, gpu.id, today)
    currency = request.currency or (Currency.CNY if request.rate is not None else Currency.USD)
    fx_rate = (request.rate or DEFAULT_CNY_PER_USD) if currency is Currency.CNY else 1.0
    hours = request.total_hours
    gpu_hours = request.gpu_hours if hours is None else request.gpus * hours
    per_hour_usd = request.gpus * price * (1 - request.discount)
    total_usd = None if gpu_hours is None else gpu_hours * price * (1 - request.discount)
    return RentResult(
        gpu=gpu.id,
        gpu_name=gpu.name,
        gpus=request.gpus,
        hours=hours,
        days=None if hours is None else hours / HOURS_PER_DAY,
        gpu_hours=gpu_hours,
        price_per_gpu_hour=price,
        price_source=describe_price(info),
        price_basis=info.basis,
        price=info,
        spread_usd_per_gpu_hour=spread,
        discount=request.discount,
        cost_usd_per_hour=per_hour_usd,
        cost_usd=total_usd,
        cost_per_hour=per_hour_usd * fx_rate,
        cost=None if total_usd is None else total_usd * fx_rate,
        currency=currency,
        fx_rate=fx_rate,
    )


def _price(request: RentRequest, gpu_id: str, today: date) -> tuple[float, PriceInfo, tuple[float, float] | None]:
    """The hourly price: the person's own, else the rule's offer on the basis (on-demand unless named)."""
    if request.price is not None:
        return request.price, given_price_info(request.price_label), None
    book = price_book()
    basis = normal_basis(request.basis) if request.basis else DEFAULT_BASIS
    if basis == OWN_BASIS or basis not in book.known_bases():
        known = ", ".join(name for name in book.known_bases() if name != OWN_BASIS)
        raise EstimateError("unknown_basis", basis=basis, known=known)
    priced = priced_offer(book, gpu_id, basis, today)
    spread = priced.spread
    low_high = (spread.low.usd_per_gpu_hour, spread.high.usd_per_gpu_hour) if spread else None
    return priced.offer.usd_per_gpu_hour, priced.info, low_high


class RentComparison(BaseModel):
    """One rental priced on several GPUs, cheapest first; what it cannot price is listed, not dropped silently."""

    model_config = FROZEN

    kind: Literal["rent_comparison"] = "rent_comparison"
    rentals: tuple[RentResult, ...]
    skipped: tuple[SkippedGpu, ...]


def rent_across(request: RentRequest, gpu_ids: tuple[str, ...], today: date) -> RentComparison:
    """The same rental on each GPU; an EstimateError when none of them can be priced."""
    rentals, skipped = each_gpu(gpu_ids, lambda gpu_id: rent(request.model_copy(update={"gpu": gpu_id}), today))
    ranked = sorted(rentals, key=lambda rental: rental.compared_cost)  # one currency and rate for all of them
    return RentComparison(rentals=tuple(ranked), skipped=skipped)
