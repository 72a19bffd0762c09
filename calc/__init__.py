"""The llmcost engine: pure functions from a request to a result. No Slack, no environment, no I/O."""

from datetime import date

from calc.errors import EstimateError
from calc.requests import EstimateRequest, InferRequest, TrainRequest
from calc.results import EstimateResult, InferResult, TrainResult
from calc.train import estimate_training


def estimate(request: EstimateRequest, today: date) -> EstimateResult:
    """The single entry point every front end calls; `today` dates the staleness of catalog prices."""
    if isinstance(request, TrainRequest):
        return estimate_training(request, today)
    # The serving engine (its shapes, the API comparison) is imported by the first serving estimate: a training one,
    # the terminal's `llmcost train ...`, never needs it.
    from calc.infer import estimate_inference
    from calc.self_host import with_api_comparison

    return with_api_comparison(estimate_inference(request, today), request)


__all__ = [
    "EstimateError",
    "EstimateRequest",
    "EstimateResult",
    "InferRequest",
    "InferResult",
    "TrainRequest",
    "TrainResult",
    "estimate",
]
