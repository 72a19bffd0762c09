"""The llmcost engine: pure functions from a request to a result. No Slack, no environment, no I/O."""

from datetime import date

from calc.errors import EstimateError
from calc.infer import estimate_inference
from calc.requests import EstimateRequest, InferRequest, TrainRequest
from calc.results import EstimateResult, InferResult, TrainResult
from calc.self_host import with_api_comparison
from calc.train import estimate_training


def estimate(request: EstimateRequest, today: date) -> EstimateResult:
    """The single entry point every front end calls; `today` dates the staleness of catalog prices."""
    if isinstance(request, TrainRequest):
        return estimate_training(request, today)
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
