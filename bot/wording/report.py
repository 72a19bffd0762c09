"""Word a result, a listing or an error as labelled lines, in one language.

The terminal and Slack renderers lay these lines out; neither words nor computes anything itself.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache

from pydantic import BaseModel

from bot.render.chart import chart
from bot.wording import numbers as fmt
from bot.wording.i18n import plural, t
from bot.wording.reading import ReadBack
from calc.api_prices import ApiComparison
from calc.command import format_quantity
from calc.finetune import ADAPTER_BYTES_PER_PARAM, BASE_BYTES_PER_PARAM, LORA_RANK
from calc.goodput import NODE_GPUS
from calc.ownership import Ownership
from calc.results import (
    Assumptions,
    InferAssumptions,
    InferResult,
    Note,
    PriceInfo,
    SimilarRun,
    TrainAssumptions,
    TrainResult,
)
from calc.train import CHINCHILLA_TOKENS_PER_PARAM
from calc.units import SECONDS_PER_DAY, TERA, Currency, FinetuneMethod, Formula


@dataclass(frozen=True)
class Report:
    """An estimate: title, the answer in one line, figures, assumptions with sources, notes, the command."""

    title: str
    headline: str
    fields: list[tuple[str, str]]
    assumptions: list[tuple[str, str]]
    notes: list[str]
    command: str
    result: TrainResult | InferResult
    lang: str = "en"
    similar: str | None = None  # published runs like this one, in one line
    charts: list[tuple[str, list[str]]] = field(default_factory=list)  # (heading, chart lines), as a comparison's
    read_back: ReadBack | None = None  # free text: the command it was read as, shown first


@dataclass(frozen=True)
class Listing:
    """Help, the GPU catalog, the model presets: a title and sections of lines."""

    title: str
    sections: list[tuple[str, list[str]]] = field(default_factory=list)
    lang: str = "en"
    data: BaseModel | None = None  # what `--json` prints instead of the lines, when the listing has its own shape
    read_back: ReadBack | None = None


@dataclass(frozen=True)
class Failure:
    """Bad input or an impossible estimate: what is wrong, and a command that works."""

    message: str
    example: str
    lang: str = "en"
    read_back: ReadBack | None = None
    # An estimate's error as calc gave it (its code and values), so the example can be made from the person's
    # own command (bot.answer); None once it is, or for the grammar's errors, whose examples are theirs already.
    cause: tuple[str, dict[str, str | float | int]] | None = None


_MONEY_NOTE_VALUES = {"standard", "floor"}  # USD figures the engine states in its notes
_QUANTITY_NOTE_VALUES = {"active", "total"}
# Notes worded by a count: the value whose count picks the plural form.
_NOTE_COUNTS = {"weights_do_not_fit": "cards"}
_PERCENT_NOTE_VALUES = {"mfu", "sixteen"}
_COUNT_NOTE_VALUES = {"gpus"}


def note_text(note: Note, lang: str) -> str:
    values: dict[str, object] = {}
    for name, value in note.values.items():
        if name in _MONEY_NOTE_VALUES and isinstance(value, float):
            values[name] = fmt.money_exact(value, Currency.USD)
        elif name in _QUANTITY_NOTE_VALUES and isinstance(value, float):
            values[name] = format_quantity(value)
        elif name in _PERCENT_NOTE_VALUES and isinstance(value, float):
            values[name] = fmt.percent(value)
        elif name in _COUNT_NOTE_VALUES and isinstance(value, int):
            values[name] = fmt.count(value)
        elif isinstance(value, float):
            values[name] = fmt.significant(value)
        else:
            values[name] = value
    counted = _NOTE_COUNTS.get(note.code)
    if counted is not None:
        return plural(lang, f"note_{note.code}", float(note.values[counted]), **values)
    return t(lang, f"note_{note.code}", **values)


def _subject(a: Assumptions, lang: str) -> str:
    if a.model:
        return a.model
    if a.active_params < a.params:
        return t(lang, "subject_moe", params=format_quantity(a.params), active=format_quantity(a.active_params))
    return t(lang, "subject_params", params=format_quantity(a.params))


def _split(a: InferAssumptions) -> int:
    """The degree each layer is split across, which the serving defaults are scaled by: the tensor-parallel degree,
    or every card in the expert layout (pipeline stages do not split a layer)."""
    return a.cards if a.parallelism == "expert" else a.tensor_parallel


def _parallel_row(result: InferResult, lang: str) -> tuple[str, str]:
    a = result.assumptions
    links = (
        t(lang, "a_links_unknown")
        if a.interconnect_gbps is None
        else t(lang, "a_links", link=f"{a.interconnect_gbps:g}", share=fmt.percent(result.communication_share))
    )
    return _row(
        lang, "a_parallel", f"a_parallel_{a.parallelism}", cards=a.cards, pp=a.pp, tp=a.tensor_parallel, links=links
    )


def _shared_assumptions(a: Assumptions, lang: str) -> list[tuple[str, str]]:
    peak = f"{a.peak_flops / TERA:g}"
    gpu_code = "a_gpu_value_override" if a.peak_overridden else "a_gpu_value"
    source = a.gpu_source + (t(lang, "a_gpu_sparse_halved") if a.peak_halved_from_sparse else "")
    gpu = t(lang, gpu_code, name=a.gpu_name, precision=a.precision.value, peak=peak, source=source)
    if a.formula is Formula.SEED:
        mfu = t(lang, "a_mfu_seed")
    elif a.mfu_is_default and isinstance(a, InferAssumptions):
        # Serving's default is its own (compute-bound steps run fuller than training), not training's 25–50%.
        mfu = t(lang, "a_mfu_typical_infer", mfu=fmt.percent(a.mfu), tp=fmt.percent(a.tp_efficiency), cards=_split(a))
    elif a.mfu_is_default and isinstance(a, TrainAssumptions):
        mfu = _fitted_mfu(a, lang)
    else:
        mfu = t(lang, f"a_{_mfu_kind(a)}", mfu=fmt.percent(a.mfu), label=a.mfu_label)
    price = price_words(a, lang)
    discount = (
        t(lang, "a_discount_value", discount=fmt.percent(a.discount), paid=fmt.percent(1 - a.discount))
        if a.discount
        else t(lang, "a_discount_none")
    )
    currency = (
        t(lang, "a_currency_cny", rate=f"{a.fx_rate:g}") if a.currency is Currency.CNY else t(lang, "a_currency_usd")
    )
    return [
        (t(lang, "a_gpu"), gpu),
        (t(lang, "a_mfu"), mfu),
        (t(lang, "a_price"), price),
        *_ownership_rows(a.price.own, lang),
        (t(lang, "a_discount"), discount),
        (t(lang, "a_currency"), currency),
    ]


def _hourly(value: float) -> str:
    """A computed price per GPU-hour (owning's parts), to four figures: $0.8733."""
    return f"{value:.4g}"


def price_words(a: Assumptions, lang: str, short: bool = False) -> str:
    """The hourly price, its basis and whose it is: the reader's or team's label, the seed's figure, the median
    offer on a basis (with its source and flags unless `short`), or owning the GPU; flagged when possibly stale."""
    return hourly_price_words(a.price, a.price_per_gpu_hour, a.gpu, lang, short, a.currency)


def hourly_price_words(
    price: PriceInfo,
    per_gpu_hour: float,
    gpu: str,
    lang: str,
    short: bool = False,
    currency: Currency = Currency.USD,
) -> str:
    """`price_words` for any answer that states a price per GPU-hour: an estimate's, or a rental's. A bare typed
    price in an answer in yuan says it was read in dollars, and how yuan are written. In full (not `short`, as a
    comparison's row is) the offer's flags follow."""
    words = _stated_price(price, per_gpu_hour, gpu, lang, short, currency)
    if short or not price.flags:
        return words
    return f"{words} {t(lang, 'a_price_flags', flags='; '.join(price.flags))}"


def _stated_price(price: PriceInfo, per_gpu_hour: float, gpu: str, lang: str, short: bool, currency: Currency) -> str:
    """The price per GPU-hour, its basis and whose it is, flagged when possibly stale (hourly_price_words)."""
    figure = _hourly(per_gpu_hour) if price.own is not None else f"{per_gpu_hour:g}"
    basis = fmt.basis(price.basis, lang)
    if price.rule == "given" and price.label is None and currency is Currency.CNY:
        return t(lang, "a_price_typed_in_usd", price=figure)
    if price.rule == "given":
        return t(lang, "a_price_label", price=figure, label=price.label or t(lang, "your_price"))
    if price.own is not None:
        own = price.own
        return t(
            lang,
            "price_own_short" if short else "a_price_own",
            price=figure,
            capex=_hourly(own.capex_usd_per_hour),
            power=_hourly(own.power_usd_per_hour),
            ops=_hourly(own.operations_usd_per_hour),
        )
    values = {
        "price": figure,
        "basis": basis,
        "provider": price.provider,
        "as_of": fmt.price_date(price.as_of, lang),
        "source": price.source,
        "count": price.offers_counted or 1,
        "gpu": gpu,
    }
    code = f"price_{price.rule}_short" if short else f"a_price_{price.rule}"
    if code == "a_price_median" and values["count"] == 1:  # a median of one offer is that offer
        code = "a_price_only_offer"
    text = t(lang, code, **values)
    return f"{text} {t(lang, 'a_price_stale')}" if price.stale else text


def _ownership_rows(own: Ownership | None, lang: str) -> list[tuple[str, str]]:
    """Each part of an owned GPU's hourly cost, with the figures and sources behind it."""
    if own is None:
        return []
    yours = t(lang, "own_yours")
    capex = t(
        lang,
        "a_own_capex_value",
        capex=fmt.money_exact(own.capex_usd_per_gpu, Currency.USD),
        origin=t(lang, "own_origin", what=own.capex_what, as_of=own.capex_as_of, source=own.capex_source)
        if own.capex_what
        else yours,
        years=f"{own.years:g}",
        years_source=own.years_source or yours,
        util=fmt.percent(own.utilization),
        per_hour=_hourly(own.capex_usd_per_hour),
    )
    power = t(
        lang,
        "a_own_power_value",
        watts=f"{own.power_w:g}",
        pue=f"{own.pue:g}",
        kwh=f"{own.usd_per_kwh:g}",
        per_hour=_hourly(own.power_usd_per_hour),
        kwh_source=own.kwh_source or yours,
        pue_source=own.pue_source or yours,
    )
    ops = (
        t(lang, "a_own_ops_value", ops=fmt.percent(own.operations_share), per_hour=_hourly(own.operations_usd_per_hour))
        if own.operations_share
        else t(lang, "a_own_ops_none")
    )
    return [(t(lang, "a_own_capex"), capex), (t(lang, "a_own_power"), power), (t(lang, "a_own_ops"), ops)]


def _fitted_mfu(a: TrainAssumptions, lang: str) -> str:
    """The published-runs default: fitted on its generation, on too few runs, or borrowed from a nearer one."""
    basis = a.mfu_basis
    code = "a_mfu_fitted" if basis.borrowed_from is None else "a_mfu_few" if basis.runs else "a_mfu_borrowed"
    return t(
        lang,
        code,
        mfu=fmt.percent(a.mfu),
        runs=basis.runs,
        generation=basis.generation,
        borrowed=basis.borrowed_from,
        low=fmt.percent(basis.low),
        high=fmt.percent(basis.high),
    )


def _mfu_kind(a: Assumptions) -> str:
    """Whose MFU it is, as the message code of the headline's word (`a_` + it: the assumption's line)."""
    if a.mfu_is_default:
        return "mfu_typical"
    return "mfu_yours" if a.mfu_label is None else "mfu_team"


def _row(lang: str, label: str, code: str, **values: object) -> tuple[str, str]:
    """A labelled line: the label's words and the value's words, both from the catalog."""
    return t(lang, label), t(lang, code, **values)


def train_title(a: TrainAssumptions, lang: str) -> str:
    """What was trained (or fine-tuned), on how many tokens: a training report's title, and a comparison's job."""
    if a.method is None:
        return t(lang, "train_title", subject=_subject(a, lang), tokens=format_quantity(a.tokens))
    return t(
        lang,
        "finetune_title",
        subject=_subject(a, lang),
        tokens=format_quantity(a.tokens),
        method=t(lang, f"method_{a.method.value}"),
    )


def infer_title(a: InferAssumptions, lang: str) -> str:
    """What is served: a serving report's title, and a comparison's job."""
    return t(lang, "infer_title", subject=_subject(a, lang))


def train_report(result: TrainResult, lang: str) -> Report:
    a = result.assumptions
    cur = result.currency
    mfu = fmt.percent(a.mfu)
    if a.formula is Formula.SEED:
        headline = t(lang, "train_headline_seed", cost=fmt.money(result.cost, cur, lang=lang))
    else:
        spread = result.cost_usd_range
        headline = t(
            lang,
            "train_headline",
            cost=fmt.money(result.cost, cur, lang=lang),
            mfu=mfu,
            mfu_kind=_train_mfu_kind(a, lang),
            low=fmt.money(spread.low * a.fx_rate, cur, 2, lang),
            high=fmt.money(spread.high * a.fx_rate, cur, 2, lang),
            mfu_low=f"{spread.mfu_low * 100:.0f}",
            mfu_high=f"{spread.mfu_high * 100:.0f}",
            peak=fmt.money(result.cost_at_peak, cur, lang=lang),
        )
    fields = [
        _row(
            lang,
            "field_flops",
            "flops_value",
            flops=fmt.scientific(result.flops),
            per_param_token=a.flops_per_param_token,
            active=format_quantity(a.active_params),
            tokens=format_quantity(a.tokens),
        ),
        _row(
            lang,
            "field_gpu_hours",
            "gpu_hours_value",
            hours=fmt.count(result.gpu_hours),
            mfu=mfu,
            peak=fmt.count(result.gpu_hours_at_peak),
        ),
        (t(lang, "field_wall_clock"), _wall_clock(result, lang)),
        (t(lang, "field_goodput"), _goodput(result, lang)),
        _row(
            lang,
            "field_cost",
            "cost_value",
            cost=fmt.money_exact(result.cost, cur),
            mfu=mfu,
            peak=fmt.money_exact(result.cost_at_peak, cur),
        ),
        (t(lang, "field_memory"), _state_memory(result, lang)),
    ]
    if result.energy_mwh is not None and a.power_w is not None:
        fields.append(
            _row(
                lang,
                "field_energy",
                "energy_value",
                mwh=fmt.significant(result.energy_mwh),
                watts=f"{a.power_w:g}",
                pue=f"{a.pue:g}",
            )
        )
    if result.reported is not None:
        run = result.reported
        reported = t(
            lang,
            "reported_value",
            hours=fmt.count(run.gpu_hours),
            gpu=run.gpu,
            source=run.source,
            mfu=fmt.percent(run.implied_mfu) if run.implied_mfu else "?",
        )
        ratio = t(lang, "reported_ratio", reported=reported, ratio=fmt.significant(run.estimate_ratio))
        fields.append((t(lang, "field_reported"), ratio))
    if result.gpus_needed is not None and a.days is not None and result.wall_clock_days is not None:
        fields.insert(
            2,
            (
                t(lang, "field_gpus_needed", days=f"{a.days:g}"),
                t(
                    lang,
                    "gpus_needed_value",
                    gpus=fmt.count(result.gpus_needed),
                    nodes=fmt.count(result.gpus_needed / NODE_GPUS),
                    time=fmt.duration(result.wall_clock_days * SECONDS_PER_DAY, lang),
                ),
            ),
        )
    if a.budget is not None:
        budget = _row(
            lang,
            "field_budget",
            "budget_value",
            per_param=CHINCHILLA_TOKENS_PER_PARAM,
            budget=fmt.money(a.budget, cur, lang=lang),
            params=format_quantity(a.params),
            tokens=format_quantity(a.tokens),
            hours=fmt.count(result.gpu_hours),
        )
        fields.insert(0, budget)
    tokens = _row(
        lang,
        "a_tokens",
        f"a_tokens_{a.tokens_rule}",
        tokens=format_quantity(a.tokens),
        model=a.model or "",
        per_param=CHINCHILLA_TOKENS_PER_PARAM,
    )
    assumptions = [*_shared_assumptions(a, lang), tokens, (t(lang, "a_goodput"), _goodput_assumption(a, lang))]
    if a.formula is Formula.STANDARD:
        assumptions.insert(2, (t(lang, "a_mfu_basis_label"), t(lang, "a_mfu_basis")))
    return Report(
        title=train_title(a, lang),
        headline=headline,
        fields=fields,
        assumptions=assumptions,
        notes=[note_text(note, lang) for note in result.notes],
        command=result.command,
        result=result,
        lang=lang,
        similar=_similar(result.similar_runs, lang),
    )


def _train_mfu_kind(a: TrainAssumptions, lang: str) -> str:
    """Whose MFU the headline quotes; a default names the generation it was fitted on (or borrowed from)."""
    if not a.mfu_is_default:
        return t(lang, _mfu_kind(a))
    basis = a.mfu_basis
    if basis.borrowed_from is None:
        return t(lang, "mfu_fitted", generation=basis.generation)
    return t(lang, "mfu_borrowed", generation=basis.generation, borrowed=basis.borrowed_from)


def _goodput(result: TrainResult, lang: str) -> str:
    a = result.assumptions
    if a.goodput_rule == "seed":
        return t(lang, "goodput_value_seed")
    cluster = "sized" if a.goodput_cluster_rule == "sized" else "gpus"  # days= picks the GPUs, then as gpus=
    code = "goodput_value_given" if a.goodput_rule == "given" else f"goodput_value_{cluster}"
    return t(
        lang,
        code,
        goodput=fmt.percent(a.goodput),
        gpus=fmt.count(a.goodput_gpus or 0),
        hours=fmt.count(result.gpu_hours_lost),
        cost=fmt.money_exact(result.cost_lost, result.currency),
    )


def _goodput_assumption(a: TrainAssumptions, lang: str) -> str:
    if a.goodput_rule == "model":
        return t(lang, "a_goodput_model", goodput=fmt.percent(a.goodput))
    return t(lang, "a_goodput_given", goodput=fmt.percent(a.goodput))


def _citation(source: str, longest: int = 48) -> str:
    """A source's opening words (its authors and year, or the card's name), cut at its first comma or bracket."""
    head = re.split(r"[,;(]", source, maxsplit=1)[0].strip()
    return head if len(head) <= longest else head[: longest - 1].rstrip() + "…"


def _similar(runs: tuple[SimilarRun, ...], lang: str) -> str | None:
    """Published runs near the request, one line: what real teams got (the source cut to its authors and year)."""
    if not runs:
        return None
    return t(lang, "similar_runs", runs=" · ".join(_similar_run(run, lang) for run in runs))


# The published runs are the catalog's (calc.runs), a few dozen, each worded the same in every reply that cites it:
# worded once per language (7 µs a run, three runs a training estimate).
@lru_cache(maxsize=512)
def _similar_run(run: SimilarRun, lang: str) -> str:
    return t(
        lang,
        "similar_run",
        model=run.model,
        gpu=run.gpu,
        mfu=fmt.percent(run.implied_mfu),
        hours=t(lang, "similar_run_hours", hours=fmt.compact(run.gpu_hours, locale=lang)) if run.gpu_hours else "",
        source=_citation(run.source),
    )


def _wall_clock(result: TrainResult, lang: str) -> str:
    gpus = result.assumptions.gpus
    if result.wall_clock_days is None or result.wall_clock_days_at_peak is None or gpus is None:
        return t(lang, "wall_clock_missing")
    return plural(
        lang,
        "wall_clock_value",
        gpus,
        time=fmt.duration(result.wall_clock_days * SECONDS_PER_DAY, lang),
        gpus=fmt.count(gpus),
        peak=fmt.duration(result.wall_clock_days_at_peak * SECONDS_PER_DAY, lang),
    )


def _state_memory(result: TrainResult, lang: str) -> str:
    a = result.assumptions
    size = f"{fmt.significant(result.state_memory_bytes / TERA)} TB"
    method = a.method.value if a.method is not None else "full"
    base = BASE_BYTES_PER_PARAM[a.method or FinetuneMethod.FULL]
    what = t(
        lang,
        f"memory_what_{method}",
        adapters=fmt.compact(a.adapter_params or 0),
        base_bytes=f"{base:g}",
        base_bits=f"{base * 8:g}",
        rank=LORA_RANK,
        adapter_bytes=f"{ADAPTER_BYTES_PER_PARAM:g}",
    )
    if result.min_gpus_for_state is None:
        return t(lang, "memory_value_unknown", size=size, what=what)
    return t(lang, "memory_value", size=size, what=what, gpus=fmt.count(result.min_gpus_for_state), gpu=a.gpu)


def infer_report(result: InferResult, lang: str) -> Report:
    a = result.assumptions
    cur = result.currency

    def money(usd: float) -> str:
        return fmt.money_exact(usd * a.fx_rate, cur)

    per_1k = fmt.money_exact(result.cost_per_1k_tokens, cur)
    ttft, tpot = fmt.duration(result.ttft_s, lang), fmt.duration(result.tpot_s, lang)
    fields: list[tuple[str, str]] = []
    if a.formula is Formula.SEED:
        # The seed's formula has no input or output price of its own: its headline sets it beside the standard one.
        headline = t(
            lang, "infer_headline_seed", per_1k=per_1k, standard=money(result.standard_formula_per_1k_tokens_usd)
        )
    else:
        # Worded once: the headline and the fields both show them.
        per_1m_input, per_1m_output = money(result.cost_per_1m_input_usd), money(result.cost_per_1m_output_usd)
        headline = t(
            lang,
            "infer_headline",
            input=per_1m_input,
            output=per_1m_output,
            cards=a.cards,
            gpu=a.gpu,
            tpot=tpot,
            ttft=ttft,
        )
        fields.append(
            _row(
                lang,
                "field_price_1m",
                "price_1m_value",
                input=per_1m_input,
                output=per_1m_output,
                blended=money(result.cost_per_1m_blended_usd),
                per_request=money(result.cost_per_request_usd),
            )
        )
    if result.cheapest is not None:
        cheap = result.cheapest
        fields.append(
            _row(
                lang,
                "field_cheapest",
                "cheapest_value",
                batch=fmt.count(cheap.batch),
                input=money(cheap.cost_per_1m_input_usd),
                output=money(cheap.cost_per_1m_output_usd),
                tpot=fmt.duration(cheap.tpot_s, lang),
            )
        )
    fields += [
        _row(
            lang,
            "field_latency",
            "latency_value",
            ttft=ttft,
            tpot=tpot,
            per_user=fmt.significant(result.output_tokens_per_second_per_request),
            latency=fmt.duration(result.latency_s, lang),
            input=a.input,
            output=a.output,
        ),
        _row(
            lang,
            "field_throughput",
            "throughput_value",
            tps=fmt.significant(result.tokens_per_second),
            per_gpu=fmt.significant(result.output_tokens_per_second_per_gpu),
            total=fmt.significant(result.total_tokens_per_second),
            batch=fmt.count(a.batch),
            prefill=fmt.percent(result.prefill_share),
            bound=t(lang, f"bound_{result.bound}"),
        ),
        _memory_row(result, lang),
    ]
    if result.deployment is not None:
        d = result.deployment
        fields.append(
            _row(
                lang,
                "field_deployment",
                "deployment_value",
                rps=f"{d.rps:g}",
                replicas=plural(lang, "replicas_count", d.replicas, count=fmt.count(d.replicas)),
                cards=a.cards,
                gpus=fmt.count(d.gpus_total),
                gpu=a.gpu,
                batch=fmt.count(d.batch),
                monthly=money(d.monthly_cost_usd),
            )
        )
    crossover = result.crossover_batch
    fields.append(
        _row(
            lang,
            "field_floor",
            "floor_value_never" if crossover is None else "floor_value",
            floor=money(result.compute_floor_per_1k_tokens_usd),
            active=format_quantity(a.active_params),
            crossover=fmt.count(max(crossover or 1, 1)),
        )
    )
    assumptions = _shared_assumptions(a, lang)
    if a.formula is Formula.STANDARD:
        assumptions.insert(
            2,
            _row(
                lang,
                "a_mbu",
                "a_mbu_value",
                mbu=fmt.percent(a.mbu),
                bandwidth=f"{a.bandwidth / TERA:g}",
                bytes=f"{a.bytes_per_param:g}",
                tp=fmt.percent(a.tp_efficiency),
                cards=_split(a),
            ),
        )
    assumptions += [
        _row(lang, "a_request", f"a_request_{a.request_shape}", input=a.input, output=a.output),
        _row(
            lang, "a_batch", f"a_batch_{a.batch_rule}", batch=fmt.count(a.batch), max_batch=fmt.count(result.max_batch)
        ),
        *([_parallel_row(result, lang)] if a.cards > 1 and a.formula is Formula.STANDARD else []),
        _row(
            lang,
            "a_shape",
            f"a_shape_{a.shape.basis}",
            reference=a.shape.reference,
            layers=a.shape.layers,
            kv_heads=a.shape.kv_heads,
            head_dim=a.shape.head_dim,
            attention=a.shape.attention.upper(),
            kv_bytes=fmt.count(result.kv_bytes_per_token),
            kv=a.kv_precision.value,
        ),
    ]
    if a.opt:
        assumptions.append(_row(lang, "a_opt", "a_opt_value", opt=fmt.percent(a.opt)))
    charts = []
    if result.api is not None:
        fields.append((t(lang, "field_api"), api_words(result.api, lang)))
        charts.append(api_chart(result.api, a.input, a.output, lang))
    return Report(
        title=infer_title(a, lang),
        headline=headline,
        fields=fields,
        assumptions=assumptions,
        notes=[note_text(note, lang) for note in result.notes],
        command=result.command,
        result=result,
        lang=lang,
        charts=charts,
    )


def _memory_row(result: InferResult, lang: str) -> tuple[str, str]:
    m = result.memory
    a = result.assumptions
    gb = 1e9
    min_cards = (
        "?"
        if result.min_cards is None
        else plural(lang, "cards_count", result.min_cards, count=fmt.count(result.min_cards))
    )
    return _row(
        lang,
        "field_memory_serving",
        "memory_serving_value",
        weights=fmt.significant(m.weights / gb),
        kv=fmt.significant(m.kv_cache / gb),
        reserve=fmt.significant(m.reserve / gb),
        capacity=fmt.significant(m.capacity / gb),
        cards=a.cards,
        gpu=a.gpu,
        max_batch=fmt.count(result.max_batch),
        context=fmt.count(a.context),
        min_cards=min_cards,
    )


def _per_1m(value: float) -> str:
    return fmt.money_exact(value, Currency.USD)


def api_words(api: ApiComparison, lang: str) -> str:
    """The API band beside the hosted cost, and the load above which hosting is cheaper (or that it never is)."""
    band = t(
        lang,
        "api_band",
        low=_per_1m(api.cheapest_blended_usd_per_1m),
        high=_per_1m(api.highest_blended_usd_per_1m),
        median=_per_1m(api.median_blended_usd_per_1m),
        count=api.offers,
        provider=api.cheapest_provider,
        model=api.model,
    )
    hosted = t(
        lang,
        "api_hosted",
        cost=_per_1m(api.self_hosted_usd_per_1m),
        capacity=fmt.significant(api.capacity_rps),
        hourly=fmt.money_exact(api.deployment_usd_per_hour, Currency.USD),
    )
    if api.break_even_rps is None or api.break_even_tokens_per_day is None:
        verdict = t(lang, "api_never", cost=_per_1m(api.self_hosted_usd_per_1m))
        if api.break_even_rps_median is not None:
            verdict += t(lang, "api_break_even_median", rps=fmt.significant(api.break_even_rps_median))
    else:
        verdict = t(
            lang,
            "api_break_even",
            rps=fmt.significant(api.break_even_rps),
            tokens=fmt.compact(api.break_even_tokens_per_day),
            hourly=fmt.money_exact(api.deployment_usd_per_hour, Currency.USD),
        )
    return f"{band} · {hosted} · {verdict}"


def api_chart(api: ApiComparison, input_tokens: int, output_tokens: int, lang: str) -> tuple[str, list[str]]:
    """Self-hosted $ per 1M tokens at a few loads, then the APIs' cheapest, median and dearest, as bars."""
    rows = [
        (
            t(lang, "api_chart_load", share=fmt.percent(point.load_share), rps=fmt.significant(point.rps, 2)),
            point.usd_per_1m,
            _per_1m(point.usd_per_1m),
        )
        for point in api.loads
    ]
    rows += [
        (t(lang, f"api_chart_{name}"), value, _per_1m(value))
        for name, value in (
            ("cheapest", api.cheapest_blended_usd_per_1m),
            ("median", api.median_blended_usd_per_1m),
            ("highest", api.highest_blended_usd_per_1m),
        )
    ]
    return t(lang, "api_chart_heading", input=input_tokens, output=output_tokens), chart(rows)
