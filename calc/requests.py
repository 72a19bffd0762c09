"""What a person asked for, as typed: unset fields mean "use the default", which calc resolves and states.

`model` names a preset (calc.presets) that stands for params, active params and tokens not given.

The bounds here are the sanity limits every front end reports in its error messages.
"""

from typing import Annotated, Literal

from pydantic import BaseModel, Field, model_validator

from calc.model_config import FROZEN_STRICT
from calc.units import Currency, FinetuneMethod, Formula, Precision, Recompute

Params = Annotated[float, Field(ge=1e6, le=1e14)]
# A share of peak, of time or of use: below 0.1% no estimate means anything, and a figure like 1e-300 would
# overflow the arithmetic.
Fraction = Annotated[float, Field(ge=0.001, le=1)]
Share = Annotated[float, Field(ge=0, lt=1)]


class JobRequest(BaseModel):
    """The assumptions training and inference share."""

    model_config = FROZEN_STRICT

    params: Params | None = None
    active: Params | None = None
    model: str | None = None
    gpu: str | None = None
    price: Annotated[float, Field(gt=0, le=1000)] | None = None
    price_label: str | None = None
    flops: Annotated[float, Field(ge=1e9, le=1e17)] | None = None
    precision: Precision | None = None
    mfu: Fraction | None = None
    mfu_label: str | None = None  # who set the MFU, when not the person asking (a team default)
    discount: Share = 0.0
    currency: Currency | None = None
    rate: Annotated[float, Field(gt=0, le=1000)] | None = None
    formula: Formula = Formula.STANDARD
    experts: Annotated[int, Field(ge=2)] | None = None  # typed as `8x7B`: 8 experts, their split unknown
    # How the GPU is paid for (calc.prices): a basis the offers name, `seed`, or `own` with the figures below.
    basis: str | None = None
    capex: Annotated[float, Field(gt=0, le=10_000_000)] | None = None  # USD per GPU, bought
    years: Annotated[float, Field(gt=0, le=30)] | None = None
    util: Fraction | None = None
    kwh: Annotated[float, Field(ge=0, le=10)] | None = None  # USD per kWh
    pue: Annotated[float, Field(ge=1, le=3)] | None = None
    ops: Share | None = None

    def _sized_otherwise(self) -> bool:
        """Whether something other than params or a preset sizes the model (a training budget)."""
        return False

    @model_validator(mode="after")
    def _names_a_model(self) -> "JobRequest":
        if self.params is None and self.model is None and not self._sized_otherwise():
            raise ValueError("give the parameter count or a model preset")
        if self.active is not None and self.params is not None and self.active > self.params:
            raise ValueError("active parameters cannot exceed total parameters")
        return self


class TrainRequest(JobRequest):
    kind: Literal["train"] = "train"
    tokens: Annotated[float, Field(ge=1e3, le=1e17)] | None = None
    gpus: Annotated[int, Field(ge=1, le=10_000_000)] | None = None
    recompute: Recompute = Recompute.NONE
    goodput: Fraction | None = None
    days: Annotated[float, Field(gt=0, le=3650)] | None = None
    budget: Annotated[float, Field(ge=1, le=1e13)] | None = None  # in the currency in effect
    method: FinetuneMethod | None = None  # fine-tuning; None is pre-training

    def _sized_otherwise(self) -> bool:
        return self.budget is not None

    @model_validator(mode="after")
    def _one_way_to_size(self) -> "TrainRequest":
        if self.days is not None and self.gpus is not None:
            raise ValueError("give days= or gpus=, not both")
        if self.budget is not None and (self.params is not None or self.model is not None or self.tokens is not None):
            raise ValueError("budget= sizes the model: give no params, preset or tokens with it")
        return self


class InferRequest(JobRequest):
    kind: Literal["infer"] = "infer"
    tokens: Annotated[int, Field(ge=1, le=10_000_000)] | None = None
    input: Annotated[int, Field(ge=0, le=10_000_000)] | None = None
    output: Annotated[int, Field(ge=1, le=10_000_000)] | None = None
    # "max": the largest batch whose KV cache fits beside the weights, which is how servers run when loaded.
    batch: Annotated[int, Field(ge=1, le=1_000_000)] | Literal["max"] = "max"
    cards: Annotated[int, Field(ge=1, le=100_000)] | None = None
    # Pipeline stages per replica: `cards` = tensor-parallel degree x `pp` (each stage holds layers/pp).
    pp: Annotated[int, Field(ge=1, le=1000)] = 1
    opt: Share = 0.0
    mbu: Fraction | None = None
    kv: Precision | None = None
    context: Annotated[int, Field(ge=1, le=10_000_000)] | None = None
    rps: Annotated[float, Field(gt=0, le=1_000_000)] | None = None
    layers: Annotated[int, Field(ge=1, le=1000)] | None = None
    kv_heads: Annotated[int, Field(ge=1, le=1024)] | None = None
    head_dim: Annotated[int, Field(ge=1, le=4096)] | None = None


EstimateRequest = TrainRequest | InferRequest
