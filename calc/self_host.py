"""Self-host or buy tokens: a serving estimate for a model that APIs price carries the comparison.

The deployment's figures come from the estimate: its cost per hour (cards × price, less discount and `opt`, as
the estimate's cost counts them) and its capacity (a batch of requests every `latency_s`), so hosting at full
load costs exactly the estimate's cost per request. calc.api_prices does the arithmetic.
"""

from calc.api_prices import compare_with_apis
from calc.requests import InferRequest
from calc.results import InferResult
from calc.units import Formula


def deployment_usd_per_hour(result: InferResult) -> float:
    a = result.assumptions
    return a.cards * a.price_per_gpu_hour * (1 - a.discount) * (1 - a.opt)


def capacity_rps(result: InferResult) -> float:
    return result.assumptions.batch / result.latency_s


def with_api_comparison(result: InferResult, request: InferRequest) -> InferResult:
    """`result` with `api` set when the request names a model that APIs price (the seed's formula excepted)."""
    a = result.assumptions
    if request.model is None or a.formula is Formula.SEED or result.latency_s <= 0:
        return result
    comparison = compare_with_apis(
        request.model, a.input, a.output, deployment_usd_per_hour(result), capacity_rps(result)
    )
    if comparison is None:
        return result
    # The reproducing command names the model, not only its size, so that it brings the comparison back too.
    kind, _params, *rest = result.command.split()
    command = " ".join([kind, request.model, *rest])
    return result.model_copy(update={"api": comparison, "command": command})
