"""Self-host or buy tokens: a serving estimate for a model that APIs price carries the comparison.

The deployment's figures come from the estimate: its cost per hour (cards × price, less discount and `opt`, as
the estimate's cost counts them) and its capacity (the estimate's requests a second at its batch), so hosting at full
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
    """Requests a second at full load: the estimate's own throughput (a batch each cycle), which with pipeline
    stages or the expert layout is shorter than one request's latency."""
    a = result.assumptions
    return result.total_tokens_per_second / (a.input + a.output)


def with_api_comparison(result: InferResult, request: InferRequest) -> InferResult:
    """`result` with `api` set when the request names a model that APIs price (the seed's formula excepted)."""
    a = result.assumptions
    if request.model is None or a.formula is Formula.SEED or result.latency_s <= 0:
        return result
    comparison = compare_with_apis(
        request.model, a.input, a.output, deployment_usd_per_hour(result), capacity_rps(result)
    )
    # (The reproducing command already names the preset, so it brings the comparison back too.)
    return result if comparison is None else result.model_copy(update={"api": comparison})
