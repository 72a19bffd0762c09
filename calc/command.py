"""The one command line that reproduces an estimate, every assumption spelled out, for people to copy."""

from calc.results import Assumptions, InferAssumptions, TrainAssumptions
from calc.units import TERA, Currency, Formula, Recompute

_SUFFIXES = ((TERA, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K"))


def format_quantity(value: float) -> str:
    """175e9 -> '175B', 1.776e12 -> '1.776T': the largest suffix that keeps the figure at 1 or more."""
    for scale, suffix in _SUFFIXES:
        if abs(value) >= scale:
            return f"{value / scale:.12g}{suffix}"
    return f"{value:.12g}"


def format_percent(fraction: float) -> str:
    return f"{fraction * 100:.12g}%"


def _shared(a: Assumptions) -> list[str]:
    words = [f"gpu={a.gpu}", f"precision={a.precision.value}"]
    if a.peak_overridden:
        words.append(f"flops={format_quantity(a.peak_flops)}")
    if a.formula is Formula.SEED:
        words.append("formula=seed")
    else:
        words.append(f"mfu={format_percent(a.mfu)}")
        if a.active_params < a.params:
            words.append(f"active={format_quantity(a.active_params)}")
    own = a.price.own
    if own is None:
        words.append(f"price={a.price_per_gpu_hour:.12g}")
    else:  # every figure of the purchase, so the reply's parts come back, not only their sum
        words += [
            "basis=own",
            f"capex={own.capex_usd_per_gpu:.12g}",
            f"years={own.years:.12g}",
            f"util={format_percent(own.utilization)}",
            f"kwh={own.usd_per_kwh:.12g}",
            f"ops={format_percent(own.operations_share)}",
        ]
    words.append(f"discount={format_percent(a.discount)}")
    words.append(f"currency={a.currency.value}")
    if a.currency is Currency.CNY:
        words.append(f"rate={a.fx_rate:.12g}")
    return words


def command_line(a: Assumptions) -> str:
    if isinstance(a, TrainAssumptions):
        verb = "train" if a.method is None else "finetune"
        words = [verb, format_quantity(a.params), format_quantity(a.tokens), *_shared(a)]
        if a.method is not None:
            words.append(f"method={a.method.value}")
        if a.gpus is not None:
            words.append(f"gpus={a.gpus}")
        if a.goodput_rule == "given":  # the model's goodput follows from the words above, so it is not spelled out
            words.append(f"goodput={format_percent(a.goodput)}")
        if a.recompute is Recompute.FULL:
            words.append("recompute=full")
        words.append(f"pue={a.pue:.12g}")
        return " ".join(words)
    assert isinstance(a, InferAssumptions)
    words = ["infer", a.preset or format_quantity(a.params)]
    # `tokens=` alone is all generated: the shorter way to say there is no prompt.
    words.append(f"tokens={a.tokens}" if a.input == 0 else f"input={a.input} output={a.output}")
    if a.context > a.tokens:
        words.append(f"context={a.context}")
    if a.rps is not None:
        words.append(f"rps={a.rps:.12g}")
    words.append("batch=max" if a.batch_rule in ("max", "load") else f"batch={a.batch}")
    words += [f"cards={a.cards}", *([f"pp={a.pp}"] if a.pp > 1 else []), *_shared(a)]
    if a.formula is Formula.STANDARD:
        words += [f"kv={a.kv_precision.value}", f"mbu={format_percent(a.mbu)}"]
    if a.shape.overridden:
        words += [f"layers={a.shape.layers}", f"kv_heads={a.shape.kv_heads}", f"head_dim={a.shape.head_dim}"]
    if a.price.own is not None:
        words.append(f"pue={a.price.own.pue:.12g}")
    if a.opt:
        words.append(f"opt={format_percent(a.opt)}")
    return " ".join(words)
