"""Where the price rule lands, and self-hosting against the APIs for every model both price.

Run by hand from the repository root (not part of the test suite):

    python -m bench.prices [--gpu H100] [--batch 64] [--input 800] [--output 200]

First, per GPU: the price an estimate uses without `basis=` and how wide the on-demand offers the rule counts
spread (dearest / cheapest), so a reader sees how much "the price of an H100" depends on whose list it is. Then,
per model that has both a preset and API prices: its cost served on `--gpu` at `--batch`, the API band in the same
mix of input and output, and the load above which hosting is cheaper.
"""

import argparse
from datetime import date

from calc import InferRequest, estimate
from calc.api_prices import api_models
from calc.gpus import CATALOG
from calc.presets import find_preset
from calc.prices import DEFAULT_BASIS, price_book
from calc.results import InferResult


def price_table() -> None:
    book = price_book()
    print(f"Prices (data as of {book.data_date}); default = what an estimate uses without basis=")
    print(
        f"{'GPU':<14} {'default':>8} {'basis':<10} {'provider':<28} {'on-demand low/median/high':>28} {'n':>3} spread"
    )
    for gpu in CATALOG:
        default = book.default_offer(gpu.id)
        spread = book.spread(gpu.id, DEFAULT_BASIS)
        shown = (
            f"{default.usd_per_gpu_hour:>8g} {default.basis:<10} {default.provider[:28]:<28}"
            if default
            else f"{'—':>8} {'':<10} {'':<28}"
        )
        band = (
            f"{spread.low.usd_per_gpu_hour:g}/{spread.median.usd_per_gpu_hour:g}/{spread.high.usd_per_gpu_hour:g}"
            if spread
            else "—"
        )
        ratio = f"{spread.high.usd_per_gpu_hour / spread.low.usd_per_gpu_hour:.1f}x" if spread else ""
        print(f"{gpu.id:<14} {shown} {band:>28} {spread.counted if spread else 0:>3} {ratio}")


def self_host_table(gpu: str, batch: int, input_tokens: int, output_tokens: int, today: date) -> None:
    print(f"\nSelf-host or buy: on {gpu} at batch {batch}, {input_tokens} in + {output_tokens} out per request")
    print(
        f"{'model':<14} {'cards':>5} {'$/h':>7} {'req/s max':>9} {'hosted $/1M':>11} {'API low':>8} {'median':>7}"
        f" {'break-even req/s (low, median)':>31}"
    )
    for model in api_models():
        preset = find_preset(model)
        if preset is None:
            continue
        request = InferRequest(model=preset.name, gpu=gpu, batch=batch, input=input_tokens, output=output_tokens)
        result = estimate(request, today)
        assert isinstance(result, InferResult)
        api = result.api
        if api is None:
            continue

        def rps(value: float | None) -> str:
            return "never" if value is None else f"{value:.3g}"

        print(
            f"{preset.name:<14} {result.assumptions.cards:>5} {api.deployment_usd_per_hour:>7.2f}"
            f" {api.capacity_rps:>9.3g} {api.self_hosted_usd_per_1m:>11.3f} {api.cheapest_blended_usd_per_1m:>8.3f}"
            f" {api.median_blended_usd_per_1m:>7.3f} {rps(api.break_even_rps) + ', ' + rps(api.break_even_rps_median):>31}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gpu", default="H100-SXM")
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--input", type=int, default=800)
    parser.add_argument("--output", type=int, default=200)
    args = parser.parse_args()
    price_table()
    self_host_table(args.gpu, args.batch, args.input, args.output, date.today())


if __name__ == "__main__":
    main()
