"""The throughput–latency trade-off: one serving request across batch sizes, up to the largest that fits.

Each batch is the same estimate as `infer ... batch=B` on the same cards: bigger batches share each weight read
among more sequences (cheaper tokens) and make each sequence wait longer per token (slower for its user).
The sweet spot is the smallest batch whose blended cost per 1M tokens is within SWEET_SPOT_MARGIN of the cheapest:
nearly the lowest price, at the fastest tokens per user that price allows.
"""

from datetime import date
from typing import Literal

from pydantic import BaseModel

from calc.errors import EstimateError
from calc.infer import estimate_inference
from calc.model_config import FROZEN
from calc.requests import InferRequest
from calc.results import InferResult
from calc.units import Currency

SWEET_SPOT_MARGIN = 0.25


class SweepPoint(BaseModel):
    model_config = FROZEN

    batch: int
    cost_per_1m_tokens_usd: float  # blended for the request shape
    cost_per_1m_tokens: float  # the same in the asked currency
    cost_per_1m_input_usd: float
    cost_per_1m_output_usd: float
    tokens_per_second_per_user: float
    ttft_s: float
    tpot_s: float
    output_tokens_per_second_per_gpu: float


class SweepResult(BaseModel):
    model_config = FROZEN

    kind: Literal["sweep"] = "sweep"
    currency: Currency
    points: tuple[SweepPoint, ...]
    sweet_spot: int  # a batch among the points
    cheapest: int
    largest: InferResult  # the estimate at the largest batch that fits: cards, shape, every assumption
    command: str


def _batches(largest: int) -> list[int]:
    """1, 2, 4, ... below the largest batch that fits, then it."""
    batches = [1 << power for power in range(largest.bit_length()) if 1 << power < largest]
    return [*batches, largest]


def sweep(request: InferRequest, today: date) -> SweepResult:
    base = estimate_inference(request.model_copy(update={"batch": "max", "rps": None}), today)
    if not base.fits:
        raise EstimateError("sweep_does_not_fit", cards=base.assumptions.cards, min_cards=base.min_cards or 0)
    cards = base.assumptions.cards
    points = []
    for batch in _batches(base.max_batch):
        result = estimate_inference(request.model_copy(update={"batch": batch, "cards": cards, "rps": None}), today)
        points.append(
            SweepPoint(
                batch=batch,
                cost_per_1m_tokens_usd=result.cost_per_1m_blended_usd,
                cost_per_1m_tokens=result.cost_per_1m_blended_usd * result.assumptions.fx_rate,
                cost_per_1m_input_usd=result.cost_per_1m_input_usd,
                cost_per_1m_output_usd=result.cost_per_1m_output_usd,
                tokens_per_second_per_user=result.output_tokens_per_second_per_request,
                ttft_s=result.ttft_s,
                tpot_s=result.tpot_s,
                output_tokens_per_second_per_gpu=result.output_tokens_per_second_per_gpu,
            )
        )
    cheapest = min(points, key=lambda point: point.cost_per_1m_tokens_usd)
    limit = cheapest.cost_per_1m_tokens_usd * (1 + SWEET_SPOT_MARGIN)
    sweet = next(point for point in points if point.cost_per_1m_tokens_usd <= limit)
    words = base.command.split()
    command = " ".join(["sweep", *(word for word in words if not word.startswith("batch="))])
    return SweepResult(
        currency=base.currency,
        points=tuple(points),
        sweet_spot=sweet.batch,
        cheapest=cheapest.batch,
        largest=base,
        command=command,
    )
