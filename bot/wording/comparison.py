"""Word a comparison across GPUs: the winners in one line, two text bar charts, a line per GPU, notes.

Like bot.wording.report, this only words what calc computed; the terminal and Slack renderers lay it out.
"""

from dataclasses import dataclass

from bot.render.chart import chart
from bot.wording import numbers as fmt
from bot.wording.i18n import t
from bot.wording.reading import ReadBack
from bot.wording.report import infer_report, note_text, price_words, train_report
from calc.compare import ComparedGpu, ComparisonResult
from calc.results import InferResult, TrainResult


@dataclass(frozen=True)
class Comparison:
    """One job across GPUs: title, cheapest and fastest in one line, charts, a row per GPU, notes, the command."""

    title: str
    headline: str
    charts: list[tuple[str, list[str]]]  # (heading, chart lines): shown in a code block, so columns line up
    rows: list[tuple[str, str]]  # (GPU id, its figures and price, or why it was skipped)
    notes: list[str]
    command: str
    result: ComparisonResult
    lang: str = "en"
    read_back: ReadBack | None = None


def _time(result: ComparisonResult, value: float, lang: str) -> str:
    if result.time_measure == "gpu_hours":
        return t(lang, "compare_gpu_hours", hours=fmt.compact(value))
    seconds = value * 86_400 if result.time_measure == "wall_clock_days" else value
    return fmt.duration(seconds, lang)


def _cost(result: ComparisonResult, entry: ComparedGpu, lang: str) -> str:
    return fmt.money(entry.cost, result.currency, lang=lang)


def _row(result: ComparisonResult, entry: ComparedGpu, lang: str) -> str:
    estimate = entry.result
    a = estimate.assumptions
    time = _time(result, entry.time, lang)
    if isinstance(estimate, TrainResult):
        return t(
            lang,
            "compare_row_train",
            cost=fmt.money_exact(entry.cost, result.currency),
            time=time,
            peak=f"{a.peak_flops / 1e12:g}",
            precision=a.precision.value,
            price=price_words(a, lang, "gpu_price"),
        )
    row = t(
        lang,
        "compare_row_infer",
        cost=fmt.money_exact(entry.cost, result.currency),
        time=time,
        cards=estimate.assumptions.cards,
        bound=t(lang, f"bound_{estimate.bound}"),
        price=price_words(a, lang, "gpu_price"),
    )
    if estimate.fits:
        return row
    return f"{row} {t(lang, 'compare_does_not_fit', min_cards=estimate.min_cards or 0)}"


def _headings(result: ComparisonResult, first: TrainResult | InferResult, lang: str) -> tuple[str, str]:
    """The cost chart's heading and the time chart's: the assumptions every GPU shares."""
    mfu = fmt.percent(first.assumptions.mfu)
    if isinstance(first, InferResult):
        a = first.assumptions
        return t(lang, "field_cost_per_1k"), t(lang, "compare_chart_latency", input=a.input, output=a.output)
    cost = t(lang, "compare_chart_cost", mfu=mfu)
    if result.time_measure == "gpu_hours":
        return cost, t(lang, "compare_chart_gpu_hours", mfu=mfu)
    return cost, t(lang, "compare_chart_wall_clock", mfu=mfu, gpus=fmt.count(first.assumptions.gpus or 0))


def comparison_report(result: ComparisonResult, lang: str) -> Comparison:
    by_id = {entry.gpu: entry for entry in result.entries}
    cheapest, fastest = by_id[result.cheapest], by_id[result.fastest]
    first = result.entries[0].result
    # The job is worded as a single estimate words it, so the two read alike.
    job = train_report(first, lang) if isinstance(first, TrainResult) else infer_report(first, lang)

    def cost(entry: ComparedGpu) -> str:
        shown = _cost(result, entry, lang)
        return shown if result.job == "train" else t(lang, "compare_per_1k", cost=shown)

    if cheapest is fastest:
        headline = t(
            lang,
            "compare_headline_both",
            gpu=cheapest.gpu,
            cost=cost(cheapest),
            time=_time(result, cheapest.time, lang),
        )
    else:
        headline = t(
            lang,
            "compare_headline",
            cheapest=cheapest.gpu,
            cost=cost(cheapest),
            fastest=fastest.gpu,
            time=_time(result, fastest.time, lang),
        )
    cost_heading, time_heading = _headings(result, first, lang)
    cost_chart = chart([(e.gpu, e.cost, _cost(result, e, lang)) for e in result.entries])
    time_chart = chart([(e.gpu, e.time, _time(result, e.time, lang)) for e in result.entries])
    rows = [(entry.gpu, _row(result, entry, lang)) for entry in result.entries]
    rows += [(s.gpu, t(lang, "compare_skipped", reason=t(lang, s.code, **s.values))) for s in result.skipped]
    return Comparison(
        title=t(lang, "compare_title", job=job.title, count=len(result.entries)),
        headline=headline,
        charts=[(cost_heading, cost_chart), (time_heading, time_chart)],
        rows=rows,
        notes=[note_text(note, lang) for note in result.notes],
        command=result.command,
        result=result,
        lang=lang,
    )
