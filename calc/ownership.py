"""Owning instead of renting (`basis=own`): a purchase turned into an effective $ per GPU-hour used.

    capex per hour = price per GPU / (years × 8760 h × fleet utilization)   (idle hours are paid for too)
    power per hour = board power (kW) × PUE × $ per kWh                     (for each hour a GPU works)
    total          = (capex + power) / (1 − operations share)               (staff, space, network, repairs:
    operations     = total × operations share                                the share of the total they take)

The defaults come from calc/data/gpu_purchase.json by stated rules: a GPU's price is the median of its dated
purchase prices (the lower middle one when their count is even, so it is one real, sourced price); electricity and
PUE are the newest dated figures there. Years: 5, the server life Amazon moved to for part of its fleet in 2025
citing the pace of AI hardware (hyperscalers had used 6). Utilization 100% and no operations share are not
estimates but the figures' edges: the reply says so, and `util=` and `ops=` set them.
"""

import json
from datetime import date
from functools import cache
from importlib import resources

from pydantic import BaseModel, Field

from calc.errors import EstimateError
from calc.gpus import Accelerator
from calc.model_config import DATA_FILE, FROZEN, FROZEN_STRICT
from calc.prices import AsOf, lower_middle

HOURS_PER_YEAR = 8760
DEFAULT_YEARS = 5.0
YEARS_SOURCE = (
    "Amazon's 2024 annual report (Feb 2025): a subset of servers' useful life shortened from 6 to 5 years, "
    "citing the pace of AI hardware; Microsoft, Google and Meta use 5-6"
)
DEFAULT_UTILIZATION = 1.0
DEFAULT_OPERATIONS = 0.0


class Purchase(BaseModel):
    model_config = FROZEN_STRICT

    gpu: str
    usd_per_gpu: float = Field(gt=0)
    what: str
    as_of: date
    source: str = Field(min_length=1)
    quote: str | None = None
    notes: str | None = None


class PowerPrice(BaseModel):
    model_config = FROZEN_STRICT

    what: str
    usd_per_kwh: float = Field(gt=0)
    as_of: AsOf
    source: str = Field(min_length=1)
    notes: str | None = None


class PueFigure(BaseModel):
    model_config = FROZEN_STRICT

    what: str
    value: float = Field(ge=1, le=3)
    as_of: AsOf
    source: str = Field(min_length=1)
    quote: str | None = None
    notes: str | None = None


class PurchaseFile(BaseModel):
    model_config = DATA_FILE

    schema_text: str | None = Field(default=None, alias="schema")
    purchases: tuple[Purchase, ...] = Field(min_length=1)
    power: tuple[PowerPrice, ...] = Field(min_length=1)
    pue: tuple[PueFigure, ...] = Field(min_length=1)


@cache
def purchase_data() -> PurchaseFile:
    text = resources.files("calc.data").joinpath("gpu_purchase.json").read_text(encoding="utf-8")
    return PurchaseFile.model_validate(json.loads(text))


def default_purchase(gpu_id: str) -> Purchase | None:
    """The median of the GPU's purchase prices (the lower middle one when their count is even)."""
    prices = sorted((p for p in purchase_data().purchases if p.gpu == gpu_id), key=lambda p: p.usd_per_gpu)
    return lower_middle(prices) if prices else None


def default_power() -> PowerPrice:
    return max(purchase_data().power, key=lambda figure: figure.as_of)


def default_pue() -> PueFigure:
    return max(purchase_data().pue, key=lambda figure: figure.as_of)


class Ownership(BaseModel):
    """Each part of an owned GPU's effective hourly cost, and what it rests on."""

    model_config = FROZEN

    capex_usd_per_gpu: float
    capex_what: str | None  # None when the reader gave `capex=`
    capex_as_of: str | None
    capex_source: str | None
    years: float
    years_source: str | None  # None when the reader gave `years=`
    utilization: float
    power_w: float
    pue: float
    pue_source: str | None
    usd_per_kwh: float
    kwh_as_of: str | None
    kwh_source: str | None
    operations_share: float
    capex_usd_per_hour: float
    power_usd_per_hour: float
    operations_usd_per_hour: float
    usd_per_gpu_hour: float


def ownership(
    gpu: Accelerator,
    *,
    capex: float | None,
    years: float | None,
    utilization: float | None,
    usd_per_kwh: float | None,
    pue: float | None,
    operations: float | None,
) -> Ownership:
    """The effective $ per GPU-hour of owning `gpu`; each unset figure from the data by the module's rules."""
    purchase = default_purchase(gpu.id) if capex is None else None
    if capex is None:
        if purchase is None:
            raise EstimateError("own_no_capex", gpu=gpu.id)
        capex = purchase.usd_per_gpu
    if gpu.power_w is None:
        raise EstimateError("own_no_power", gpu=gpu.id)
    power = default_power() if usd_per_kwh is None else None
    kwh = power.usd_per_kwh if power is not None else usd_per_kwh or 0.0
    pue_figure = default_pue() if pue is None else None
    overhead = pue_figure.value if pue_figure is not None else pue or 1.0
    life = years or DEFAULT_YEARS
    used = utilization or DEFAULT_UTILIZATION
    share = operations if operations is not None else DEFAULT_OPERATIONS
    capex_hour = capex / (life * HOURS_PER_YEAR * used)
    power_hour = gpu.power_w / 1000 * overhead * kwh
    total = (capex_hour + power_hour) / (1 - share)
    return Ownership(
        capex_usd_per_gpu=capex,
        capex_what=purchase.what if purchase else None,
        capex_as_of=purchase.as_of.isoformat() if purchase else None,
        capex_source=purchase.source if purchase else None,
        years=life,
        years_source=None if years else YEARS_SOURCE,
        utilization=used,
        power_w=gpu.power_w,
        pue=overhead,
        pue_source=f"{pue_figure.what} ({pue_figure.source})" if pue_figure else None,
        usd_per_kwh=kwh,
        kwh_as_of=power.as_of if power else None,
        kwh_source=f"{power.what} ({power.source})" if power else None,
        operations_share=share,
        capex_usd_per_hour=capex_hour,
        power_usd_per_hour=power_hour,
        operations_usd_per_hour=total * share,
        usd_per_gpu_hour=total,
    )
