"""Word a result, a listing or an error as labelled lines, in one language.

The terminal and Slack renderers lay these lines out; neither words nor computes anything itself.
"""

from dataclasses import dataclass, field

from bot.wording import numbers as fmt
from bot.wording.i18n import t
from bot.wording.reading import ReadBack
from calc.command import format_quantity
from calc.results import Assumptions, InferAssumptions, InferResult, Note, TrainResult
from calc.units import Currency, Formula


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
    read_back: ReadBack | None = None  # free text: the command it was read as, shown first


@dataclass(frozen=True)
class Listing:
    """Help, the GPU catalog, the model presets: a title and sections of lines."""

    title: str
    sections: list[tuple[str, list[str]]] = field(default_factory=list)
    lang: str = "en"
    read_back: ReadBack | None = None


@dataclass(frozen=True)
class Failure:
    """Bad input or an impossible estimate: what is wrong, and a command that works."""

    message: str
    example: str
    lang: str = "en"
    read_back: ReadBack | None = None


_MONEY_NOTE_VALUES = {"standard", "floor"}
_QUANTITY_NOTE_VALUES = {"active", "total"}


def note_text(note: Note, lang: str) -> str:
    values: dict[str, object] = {}
    for name, value in note.values.items():
        if name in _MONEY_NOTE_VALUES and isinstance(value, float):
            values[name] = fmt.money_exact(value, Currency.USD)
        elif name in _QUANTITY_NOTE_VALUES and isinstance(value, float):
            values[name] = format_quantity(value)
        elif isinstance(value, float):
            values[name] = fmt.significant(value)
        else:
            values[name] = value
    return t(lang, f"note_{note.code}", **values)


def _subject(a: Assumptions, lang: str) -> str:
    if a.model:
        return a.model
    if a.active_params < a.params:
        return t(lang, "subject_moe", params=format_quantity(a.params), active=format_quantity(a.active_params))
    return t(lang, "subject_params", params=format_quantity(a.params))


def _shared_assumptions(a: Assumptions, lang: str) -> list[tuple[str, str]]:
    peak = f"{a.peak_flops / 1e12:g}"
    gpu_code = "a_gpu_value_override" if a.peak_overridden else "a_gpu_value"
    source = a.gpu_source + (t(lang, "a_gpu_sparse_halved") if a.peak_halved_from_sparse else "")
    gpu = t(lang, gpu_code, name=a.gpu_name, precision=a.precision.value, peak=peak, source=source)
    if a.formula is Formula.SEED:
        mfu = t(lang, "a_mfu_seed")
    elif a.mfu_is_default and isinstance(a, InferAssumptions):
        # Serving's default is its own (compute-bound steps run fuller than training), not training's 25–50%.
        mfu = t(lang, "a_mfu_typical_infer", mfu=fmt.percent(a.mfu))
    else:
        mfu = t(lang, f"a_{_mfu_kind(a)}", mfu=fmt.percent(a.mfu), label=a.mfu_label)
    price = price_words(a, lang, "a_price_catalog")
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
        (t(lang, "a_discount"), discount),
        (t(lang, "a_currency"), currency),
    ]


def price_words(a: Assumptions, lang: str, catalog_code: str) -> str:
    """The hourly price and whose it is: the reader's or team's label, or the catalog entry worded by
    `catalog_code` (with or without its source), flagged when possibly stale."""
    figure = f"{a.price_per_gpu_hour:g}"
    if a.price.pricing_model is None:
        return t(lang, "a_price_label", price=figure, label=a.price.label or t(lang, "your_price"))
    text = t(
        lang,
        catalog_code,
        price=figure,
        provider=a.price.provider,
        model=fmt.pricing_model(a.price.pricing_model, lang),
        as_of=fmt.price_date(a.price.as_of, lang),
        source=a.price.source,
    )
    return f"{text} {t(lang, 'a_price_stale')}" if a.price.stale else text


def _mfu_kind(a: Assumptions) -> str:
    """Whose MFU it is, as the message code of the headline's word (`a_` + it: the assumption's line)."""
    if a.mfu_is_default:
        return "mfu_typical"
    return "mfu_yours" if a.mfu_label is None else "mfu_team"


def _row(lang: str, label: str, code: str, **values: object) -> tuple[str, str]:
    """A labelled line: the label's words and the value's words, both from the catalog."""
    return t(lang, label), t(lang, code, **values)


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
            mfu_kind=t(lang, _mfu_kind(a)),
            low=fmt.money(spread.low * a.fx_rate, cur, 2, lang),
            high=fmt.money(spread.high * a.fx_rate, cur, 2, lang),
            mfu_low=f"{spread.mfu_low * 100:g}",
            mfu_high=f"{spread.mfu_high * 100:g}",
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
        fields.append(
            _row(
                lang,
                "field_reported",
                "reported_value",
                hours=fmt.count(run.gpu_hours),
                gpu=run.gpu,
                source=run.source,
                mfu=fmt.percent(run.implied_mfu) if run.implied_mfu else "?",
            )
        )
    tokens = _row(lang, "a_tokens", f"a_tokens_{a.tokens_rule}", tokens=format_quantity(a.tokens), model=a.model or "")
    return Report(
        title=t(lang, "train_title", subject=_subject(a, lang), tokens=format_quantity(a.tokens)),
        headline=headline,
        fields=fields,
        assumptions=[*_shared_assumptions(a, lang), tokens],
        notes=[note_text(note, lang) for note in result.notes],
        command=result.command,
        result=result,
        lang=lang,
    )


def _wall_clock(result: TrainResult, lang: str) -> str:
    gpus = result.assumptions.gpus
    if result.wall_clock_days is None or result.wall_clock_days_at_peak is None or gpus is None:
        return t(lang, "wall_clock_missing")
    return t(
        lang,
        "wall_clock_value",
        time=fmt.duration(result.wall_clock_days * 86_400, lang),
        gpus=fmt.count(gpus),
        peak=fmt.duration(result.wall_clock_days_at_peak * 86_400, lang),
    )


def _state_memory(result: TrainResult, lang: str) -> str:
    size = f"{fmt.significant(result.state_memory_bytes / 1e12)} TB"
    if result.min_gpus_for_state is None:
        return t(lang, "memory_value_unknown", size=size)
    return t(lang, "memory_value", size=size, gpus=fmt.count(result.min_gpus_for_state), gpu=result.assumptions.gpu)


def infer_report(result: InferResult, lang: str) -> Report:
    a = result.assumptions
    cur = result.currency
    per_1k = fmt.money_exact(result.cost_per_1k_tokens, cur)
    if a.formula is Formula.SEED:
        headline = t(
            lang,
            "infer_headline_seed",
            per_1k=per_1k,
            standard=fmt.money_exact(result.standard_formula_per_1k_tokens_usd * a.fx_rate, cur),
        )
    else:
        headline = t(
            lang,
            "infer_headline",
            per_1k=per_1k,
            per_1m=fmt.money_exact(result.cost_per_1k_tokens * 1000, cur),
            bound=t(lang, f"bound_{result.bound}"),
            batch=a.batch,
            cards=a.cards,
            gpu=a.gpu,
        )
    cards = (
        _row(lang, "field_cards", "cards_value", cards=a.cards, gpu=a.gpu, min_cards=result.min_cards)
        if result.min_cards is not None
        else _row(lang, "field_cards", "cards_value_unknown", cards=a.cards, gpu=a.gpu)
    )
    fields = [
        _row(
            lang,
            "field_cost_per_1k",
            "per_1k_value",
            per_1k=per_1k,
            per_1m=fmt.money_exact(result.cost_per_1k_tokens * 1000, cur),
            per_request=fmt.money_exact(result.cost_per_request_usd * a.fx_rate, cur),
        ),
        _row(
            lang,
            "field_floor",
            "floor_value",
            floor=fmt.money_exact(result.compute_floor_per_1k_tokens_usd * a.fx_rate, cur),
            active=format_quantity(a.active_params),
            crossover=fmt.count(max(result.crossover_batch, 1)),
        ),
        _row(lang, "field_throughput", "throughput_value", tps=fmt.significant(result.tokens_per_second)),
        _row(
            lang,
            "field_latency",
            "latency_value",
            latency=fmt.duration(result.latency_s, lang),
            input=a.input,
            output=a.output,
        ),
        cards,
    ]
    assumptions = _shared_assumptions(a, lang)
    if a.formula is Formula.STANDARD:
        assumptions.insert(
            2,
            _row(
                lang,
                "a_mbu",
                "a_mbu_value",
                mbu=fmt.percent(a.mbu),
                bandwidth=f"{a.bandwidth / 1e12:g}",
                bytes=f"{a.bytes_per_param:g}",
            ),
        )
    if a.opt:
        assumptions.append(_row(lang, "a_opt", "a_opt_value", opt=fmt.percent(a.opt)))
    return Report(
        title=t(lang, "infer_title", subject=_subject(a, lang)),
        headline=headline,
        fields=fields,
        assumptions=assumptions,
        notes=[note_text(note, lang) for note in result.notes],
        command=result.command,
        result=result,
        lang=lang,
    )
