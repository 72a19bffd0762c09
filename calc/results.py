"""What an estimate says, with every assumption behind it resolved and stated.

Field names follow the JSON contract in DESIGN.md; renderers read these and never compute.
"""

from functools import cache
from typing import Literal

from pydantic import BaseModel, Field

from calc.api_prices import ApiComparison
from calc.model_config import FROZEN
from calc.ownership import Ownership
from calc.units import Currency, FinetuneMethod, Formula, Precision, Recompute


class Note(BaseModel):
    """A remark for the reader, as a message code and its values, so each language words it its own way."""

    model_config = FROZEN

    code: str
    # A factory, not `= {}`: pydantic deep-copies a mutable default for every note made without values.
    values: dict[str, str | float | int] = Field(default_factory=dict)


@cache
def fixed_note(code: str, **values: str | float | int) -> Note:
    """A note whose values never change (none, or constants), made once (a validated model each time was ~11K
    instructions): notes are frozen, and nothing changes their values, so every result may hold the same one."""
    return Note(code=code, values=values)


PriceRule = Literal["given", "seed", "median", "own"]


class PriceInfo(BaseModel):
    """Where the hourly price came from: the reader's or team's figure, an offer and the rule that chose it, or
    the cost of owning the GPU, part by part."""

    model_config = FROZEN

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
    model_config = FROZEN

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


class MfuBasis(BaseModel):
    """Where a default MFU comes from: the generation's published runs (calc.mfu), or a nearer one's."""

    model_config = FROZEN

    generation: str
    runs: int
    borrowed_from: str | None
    low: float  # the band, as mfu_range
    high: float
    fp8_halved: bool  # the default is the 16-bit-peak MFU restated against a peak twice as high


TokensRule = Literal["given", "preset", "chinchilla", "budget"]
GoodputRule = Literal["given", "model", "seed"]
ClusterRule = Literal["gpus", "days", "sized"]


class TrainAssumptions(Assumptions):
    tokens: float
    tokens_rule: TokensRule
    gpus: int | None
    days: float | None
    budget: float | None  # in the asked currency
    goodput: float
    goodput_rule: GoodputRule
    goodput_gpus: int | None  # the cluster size the goodput model judged (None when given or at the seed's)
    goodput_cluster_rule: ClusterRule | None
    mfu_basis: MfuBasis
    method: FinetuneMethod | None  # None: pre-training
    adapter_params: float | None  # LoRA/QLoRA: the trained adapter parameters
    recompute: Recompute
    flops_per_param_token: int
    pue: float
    power_w: float | None


class Range(BaseModel):
    """A figure at the optimistic and the pessimistic end of published utilization."""

    model_config = FROZEN

    low: float
    high: float
    mfu_low: float
    mfu_high: float


class ReportedComparison(BaseModel):
    """The published run a preset stands for, beside the estimate."""

    model_config = FROZEN

    gpu: str
    gpu_hours: float
    source: str
    implied_mfu: float | None  # productive-time MFU, as `mfu` (calc.runs)
    run: str | None
    estimate_ratio: float  # the estimate's GPU-hours over the published ones


class SimilarRun(BaseModel):
    """A published run near the request: what a real team got (calc.runs)."""

    model_config = FROZEN

    model: str
    developer: str
    gpu: str
    params: float
    active_params: float | None
    tokens: float | None
    implied_mfu: float
    gpu_hours: float | None
    source: str


class TrainResult(BaseModel):
    model_config = FROZEN

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
    productive_gpu_hours: float
    gpu_hours_lost: float  # to failures, restarts and checkpoints (goodput)
    cost_lost: float  # the same in the asked currency
    gpus_needed: int | None
    mfu_range: tuple[float, float]
    similar_runs: tuple[SimilarRun, ...]
    state_memory_bytes: float
    min_gpus_for_state: int | None
    energy_mwh: float | None
    reported: ReportedComparison | None
    assumptions: TrainAssumptions
    notes: tuple[Note, ...]
    command: str


# How the batch was chosen: yours, the most that fit, cut to what fits, what the load keeps in flight, the seed's.
BatchRule = Literal["given", "max", "reduced", "load", "seed"]


class ShapeInfo(BaseModel):
    """The architecture the KV cache was sized from: the preset's own, or a typical one for a bare size."""

    model_config = FROZEN

    basis: Literal["preset", "typical"]
    reference: str  # the model the shape was read from
    layers: int
    kv_heads: int
    head_dim: int
    attention: str
    kv_values_per_token_per_layer: int
    sliding_window: int | None
    overridden: bool  # `layers=` / `kv_heads=` / `head_dim=` changed it


class InferAssumptions(Assumptions):
    preset: str | None  # the preset's name, for the reproducing command
    tokens: int
    input: int
    output: int
    request_shape: str  # "given", "chat_default" or "seed"
    context: int  # tokens of KV cache held per sequence for the memory fit
    batch: int
    batch_rule: BatchRule
    cards: int
    opt: float
    mbu: float
    mbu_is_default: bool
    tp_efficiency: float  # the default utilizations' share kept at this tensor-parallel degree (1 when given)
    # How the replica's cards share the model: "tensor" (tensor parallel), "pipeline" (tensor x pipeline stages), or
    # "expert" (attention data parallel, experts spread over the cards: DeepSeek-style MLA mixtures of experts).
    parallelism: str = "tensor"
    tensor_parallel: int = 1  # the degree attention and dense layers are split by (cards = tensor_parallel x pp)
    pp: int = 1  # pipeline stages
    interconnect_gbps: float | None = None  # GPU-to-GPU bandwidth per card the all-reduces are charged to
    bandwidth: float
    bytes_per_param: float
    compute_precision: Precision
    kv_precision: Precision
    kv_bytes_per_value: float
    reserve_share: float  # of each card's memory, for the runtime (CUDA context, activations, fragmentation)
    shape: ShapeInfo
    rps: float | None


class Memory(BaseModel):
    """Per card, in bytes: what must fit into `capacity`."""

    model_config = FROZEN

    capacity: float
    weights: float
    kv_cache: float
    reserve: float


class ServingPoint(BaseModel):
    """The serving figures at one batch size: one consistent story of GPU time, tokens and money (USD)."""

    model_config = FROZEN

    batch: int
    ttft_s: float
    tpot_s: float
    latency_s: float
    step_time_s: float
    bound: Literal["compute", "memory"]
    output_tokens_per_second: float  # the replica's, all sequences together
    output_tokens_per_second_per_gpu: float
    output_tokens_per_second_per_request: float
    total_tokens_per_second: float
    prefill_share: float  # of the replica's GPU time
    communication_share: float = 0.0  # of a decode step: all-reduces and expert all-to-alls over the GPU links
    cost_per_1m_input_usd: float
    cost_per_1m_output_usd: float
    cost_per_1m_tokens_usd: float  # blended for the request shape
    cost_per_request_usd: float


class Deployment(BaseModel):
    """What a request rate needs: replicas of `cards` GPUs each, at the batch the load yields."""

    model_config = FROZEN

    rps: float
    replicas: int
    gpus_total: int
    batch: int
    requests_per_second_per_replica_max: float
    monthly_cost_usd: float


class InferResult(BaseModel):
    model_config = FROZEN

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
    crossover_batch: float | None  # None: the KV cache read grows with the batch as fast as compute, never reached
    seed_formula_per_1k_tokens_usd: float
    standard_formula_per_1k_tokens_usd: float
    ttft_s: float
    tpot_s: float
    output_tokens_per_second_per_gpu: float
    output_tokens_per_second_per_request: float
    total_tokens_per_second: float
    prefill_share: float
    communication_share: float = 0.0  # of a decode step: all-reduces and expert all-to-alls over the GPU links
    max_batch: int
    kv_bytes_per_token: float
    memory: Memory
    cost_per_1m_input_usd: float
    cost_per_1m_output_usd: float
    cost_per_1m_blended_usd: float
    cheapest: ServingPoint | None  # at the largest batch that fits, when that is not the batch shown
    deployment: Deployment | None
    replicas: int | None
    gpus_total: int | None
    monthly_cost_usd: float | None
    assumptions: InferAssumptions
    notes: tuple[Note, ...]
    command: str
    api: ApiComparison | None = None  # set by calc.self_host for a model that APIs price


EstimateResult = TrainResult | InferResult
