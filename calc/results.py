"""What an estimate says, with every assumption behind it resolved and stated.

Field names follow the JSON contract in DESIGN.md; renderers read these and never compute.
"""

from typing import Literal

from pydantic import BaseModel, ConfigDict

from calc.api_prices import ApiComparison
from calc.ownership import Ownership
from calc.units import Currency, Formula, Precision, Recompute

# Where a training estimate's token count came from: typed, a preset's, or the Chinchilla rule.
TokensRule = Literal["given", "preset", "chinchilla"]


class Note(BaseModel):
    """A remark for the reader, as a message code and its values, so each language words it its own way."""

    model_config = ConfigDict(frozen=True)

    code: str
    values: dict[str, str | float | int] = {}


PriceRule = Literal["given", "seed", "median", "own"]


class PriceInfo(BaseModel):
    """Where the hourly price came from: the reader's or team's figure, an offer and the rule that chose it, or
    the cost of owning the GPU, part by part."""

    model_config = ConfigDict(frozen=True)

    label: str | None
    rule: PriceRule
    basis: str | None  # how the price is charged (on-demand, commit-1y, ..., own); None for a given price
    provider: str | None
    instance: str | None
    region: str | None
    as_of: str | None
    source: str
    stale: bool
    offers_counted: int | None  # providers the median was taken over
    own: Ownership | None
    # What the price's source leaves doubtful (a secondary source, a neighbouring part's price), said to the reader.
    flags: tuple[str, ...] = ()


class Assumptions(BaseModel):
    model_config = ConfigDict(frozen=True)

    gpu: str
    gpu_name: str
    gpu_source: str
    peak_halved_from_sparse: bool
    precision: Precision
    peak_flops: float
    peak_overridden: bool
    mfu: float
    mfu_is_default: bool
    mfu_label: str | None
    price_per_gpu_hour: float
    price_source: str
    price_basis: str | None
    price: PriceInfo
    discount: float
    currency: Currency
    fx_rate: float
    params: float
    active_params: float
    model: str | None
    formula: Formula


class TrainAssumptions(Assumptions):
    tokens: float
    tokens_rule: TokensRule
    gpus: int | None
    recompute: Recompute
    flops_per_param_token: int
    pue: float
    power_w: float | None


class Range(BaseModel):
    """A figure at the optimistic and the pessimistic end of published utilization."""

    model_config = ConfigDict(frozen=True)

    low: float
    high: float
    mfu_low: float
    mfu_high: float


class ReportedComparison(BaseModel):
    model_config = ConfigDict(frozen=True)

    gpu: str
    gpu_hours: float
    source: str
    implied_mfu: float | None


class TrainResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    kind: Literal["train"] = "train"
    flops: float
    gpu_hours: float
    gpu_hours_at_peak: float
    gpu_hours_range: Range
    cost_usd: float
    cost_usd_at_peak: float
    cost_usd_range: Range
    cost: float
    cost_at_peak: float
    currency: Currency
    wall_clock_days: float | None
    wall_clock_days_at_peak: float | None
    state_memory_bytes: float
    min_gpus_for_state: int | None
    energy_mwh: float | None
    reported: ReportedComparison | None
    assumptions: TrainAssumptions
    notes: tuple[Note, ...]
    command: str


class InferAssumptions(Assumptions):
    tokens: int
    input: int
    output: int
    batch: int
    cards: int
    opt: float
    mbu: float
    bandwidth: float
    bytes_per_param: float


class InferResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    kind: Literal["infer"] = "infer"
    cost_per_1k_tokens_usd: float
    cost_per_1m_tokens_usd: float
    cost_per_1k_tokens: float
    cost_per_request_usd: float
    currency: Currency
    bound: Literal["compute", "memory"]
    tokens_per_second: float
    latency_s: float
    step_time_s: float
    min_cards: int | None
    fits: bool
    compute_floor_per_1k_tokens_usd: float
    crossover_batch: float
    seed_formula_per_1k_tokens_usd: float
    standard_formula_per_1k_tokens_usd: float
    assumptions: InferAssumptions
    notes: tuple[Note, ...]
    command: str
    api: ApiComparison | None = None  # set by calc.self_host for a model that APIs price


EstimateResult = TrainResult | InferResult
