"""Word a comparison across GPUs, or a serving sweep across batch sizes: the winners in one line, two text bar
charts, a line per GPU or batch, notes.

Like bot.wording.report, this only words what calc computed; the terminal and Slack renderers lay it out.
"""

from dataclasses import dataclass

from bot.render.chart import chart
from bot.wording import numbers as fmt
from bot.wording.i18n import plural, t
from bot.wording.reading import ReadBack
from bot.wording.report import infer_report, infer_title, note_text, price_words, train_title
from calc.compare import ComparedGpu, ComparisonResult
from calc.results import InferResult, TrainResult
from calc.sweep import SWEET_SPOT_MARGIN, SweepPoint, SweepResult
from calc.units import SECONDS_PER_DAY, TERA


@dataclass(frozen=True)
class Comparison:
    """One job across GPUs: title, cheapest and fastest in one line, charts, a row per GPU, notes, the command."""

    title: str
    headline: str
    charts: list[tuple[str, list[str]]]  # (heading, chart lines): shown in a code block, so columns line up
    rows_heading: str
    rows: list[tuple[str, str]]  # (GPU id or batch, its figures and price, or why it was skipped)
    notes: list[str]
    command: str
    result: ComparisonResult | SweepResult
    lang: str = "en"
    read_back: ReadBack | None = None


def _time(result: ComparisonResult, value: float, lang: str) -> str:
    if result.time_measure == "gpu_hours":
        return t(lang, "compare_gpu_hours", hours=fmt.compact(value))
    seconds = value * SECONDS_PER_DAY if result.time_measure == "wall_clock_days" else value
    return fmt.duration(seconds, lang)


def _cost(result: ComparisonResult, entry: ComparedGpu, lang: str) -> str:
    return fmt.money(entry.cost, result.currency, lang=lang)


def _row(result: ComparisonResult, entry: ComparedGpu, time: str, lang: str) -> str:
    """The GPU's figures and price; `time` its time in words (as its chart shows it)."""
    estimate = entry.result
    a = estimate.assumptions
    if isinstance(estimate, TrainResult):
        return t(
            lang,
            "compare_row_train",
            cost=fmt.money_exact(entry.cost, result.currency),
            time=time,
            peak=f"{a.peak_flops / TERA:g}",
            precision=a.precision.value,
            price=price_words(a, lang, short=True),
        )
    row = plural(
        lang,
        "compare_row_infer",
        estimate.assumptions.cards,
        cost=fmt.money_exact(entry.cost, result.currency),
        time=time,
        cards=estimate.assumptions.cards,
        bound=t(lang, f"bound_{estimate.bound}"),
        price=price_words(a, lang, short=True),
    )
    if estimate.fits:
        return row
    return f"{row} {t(lang, 'compare_does_not_fit', min_cards=estimate.min_cards or 0)}"


def _headings(result: ComparisonResult, first: TrainResult | InferResult, lang: str) -> tuple[str, str]:
    """The cost chart's heading and the time chart's: the assumptions every GPU shares."""
    # Training defaults differ by GPU generation (calc.mfu): then the heading says so rather than quote one.
    shared = len({entry.result.assumptions.mfu for entry in result.entries}) == 1
    mfu = fmt.percent(first.assumptions.mfu) if shared else t(lang, "compare_mfu_each")
    if isinstance(first, InferResult):
        a = first.assumptions
        return t(lang, "field_cost_per_1k"), t(lang, "compare_chart_latency", input=a.input, output=a.output)
    cost = t(lang, "compare_chart_cost", mfu=mfu)
    if result.time_measure == "gpu_hours":
        return cost, t(lang, "compare_chart_gpu_hours", mfu=mfu)
    gpus = first.assumptions.gpus or 0
    return cost, plural(lang, "compare_chart_wall_clock", gpus, mfu=mfu, gpus=fmt.count(gpus))


def comparison_report(result: ComparisonResult, lang: str) -> Comparison:
    by_id = {entry.gpu: entry for entry in result.entries}
    cheapest, fastest = by_id[result.cheapest], by_id[result.fastest]
    first = result.entries[0].result
    # The job is titled as a single estimate is, so the two read alike (its title only: wording the whole estimate
    # for it was half the comparison's wording).
    job = (
        train_title(first.assumptions, lang) if isinstance(first, TrainResult) else infer_title(first.assumptions, lang)
    )

    # Each GPU's cost and time in words, worked out once: the headline, the charts and the rows show them again.
    costs = {entry.gpu: _cost(result, entry, lang) for entry in result.entries}
    times = {entry.gpu: _time(result, entry.time, lang) for entry in result.entries}

    def cost(entry: ComparedGpu) -> str:
        shown = costs[entry.gpu]
        return shown if result.job == "train" else t(lang, "compare_per_1k", cost=shown)

    if cheapest is fastest:
        headline = t(
            lang,
            "compare_headline_both",
            gpu=cheapest.gpu,
            cost=cost(cheapest),
            time=times[cheapest.gpu],
        )
    else:
        headline = t(
            lang,
            "compare_headline",
            cheapest=cheapest.gpu,
            cost=cost(cheapest),
            fastest=fastest.gpu,
            time=times[fastest.gpu],
        )
    cost_heading, time_heading = _headings(result, first, lang)
    cost_chart = chart([(e.gpu, e.cost, costs[e.gpu]) for e in result.entries])
    time_chart = chart([(e.gpu, e.time, times[e.gpu]) for e in result.entries])
    rows = [(entry.gpu, _row(result, entry, times[entry.gpu], lang)) for entry in result.entries]
    rows += [(s.gpu, t(lang, "compare_skipped", reason=t(lang, s.code, **s.values))) for s in result.skipped]
    return Comparison(
        title=plural(lang, "compare_title", len(result.entries), job=job, count=len(result.entries)),
        headline=headline,
        charts=[(cost_heading, cost_chart), (time_heading, time_chart)],
        rows_heading=t(lang, "compare_rows"),
        rows=rows,
        notes=[note_text(note, lang) for note in result.notes],
        command=result.command,
        result=result,
        lang=lang,
    )


def sweep_report(result: SweepResult, lang: str) -> Comparison:
    """Cost per 1M tokens and tokens/s per user across batch sizes, the sweet spot named."""
    largest = result.largest
    a = largest.assumptions
    job = infer_report(largest, lang)
    by_batch = {point.batch: point for point in result.points}
    sweet, cheapest = by_batch[result.sweet_spot], by_batch[result.cheapest]

    def name(point: SweepPoint) -> str:
        mark = " ★" if point.batch == result.sweet_spot else ""
        return t(lang, "sweep_batch", batch=fmt.count(point.batch)) + mark

    def cost(point: SweepPoint) -> str:
        return fmt.money(point.cost_per_1m_tokens, result.currency, lang=lang)

    def speed(point: SweepPoint) -> str:
        return fmt.significant(point.tokens_per_second_per_user)

    headline = t(
        lang,
        "sweep_headline",
        batch=fmt.count(sweet.batch),
        cost=cost(sweet),
        speed=speed(sweet),
        margin=fmt.percent(SWEET_SPOT_MARGIN),
        cheapest=cost(cheapest),
        cheapest_batch=fmt.count(cheapest.batch),
        cheapest_speed=speed(cheapest),
    )
    rows = [
        (
            name(point),
            t(
                lang,
                "sweep_row",
                input=fmt.money_exact(point.cost_per_1m_input_usd * a.fx_rate, result.currency),
                output=fmt.money_exact(point.cost_per_1m_output_usd * a.fx_rate, result.currency),
                speed=speed(point),
                ttft=fmt.duration(point.ttft_s, lang),
                per_gpu=fmt.significant(point.output_tokens_per_second_per_gpu),
            ),
        )
        for point in result.points
    ]
    return Comparison(
        title=t(lang, "sweep_title", job=job.title, cards=a.cards, gpu=a.gpu, input=a.input, output=a.output),
        headline=headline,
        charts=[
            (t(lang, "sweep_chart_cost"), chart([(name(p), p.cost_per_1m_tokens, cost(p)) for p in result.points])),
            (
                t(lang, "sweep_chart_speed"),
                chart([(name(p), p.tokens_per_second_per_user, speed(p)) for p in result.points]),
            ),
        ],
        rows_heading=t(lang, "sweep_rows"),
        rows=rows,
        notes=[t(lang, "sweep_note_sweet_spot", margin=fmt.percent(SWEET_SPOT_MARGIN)), *job.notes],
        command=result.command,
        result=result,
        lang=lang,
    )
