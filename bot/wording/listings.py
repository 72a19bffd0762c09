"""Help, the GPU catalog and the model presets, worded as listings."""

from datetime import date

from bot.wording import numbers as fmt
from bot.wording.i18n import t
from bot.wording.report import Listing
from calc.assumptions import DEFAULT_CNY_PER_USD
from calc.command import format_quantity
from calc.finetune import FINETUNE_NOTE_VALUES
from calc.gpus import CATALOG, Accelerator
from calc.presets import PRESETS
from calc.prices import Offer, PriceBook, default_price, price_book


def offer_words(offer: Offer, lang: str) -> str:
    """An offer in a few words: price, basis, provider, date."""
    return t(
        lang,
        "gpu_price_basis",
        price=f"{offer.usd_per_gpu_hour:g}",
        basis=fmt.basis(offer.basis, lang),
        provider=offer.provider,
        as_of=fmt.price_date(offer.as_of, lang),
    )


def gpus_listing(lang: str) -> Listing:
    lines = _gpu_lines(lang)
    return Listing(title=t(lang, "gpus_title"), sections=[("", lines), ("", [t(lang, "gpus_footer")])], lang=lang)


# A line per GPU by language, with the price book they were worded from: the catalog is fixed for the process and
# the book changes only when offers are put in force (calc.prices.use_offers), so they are worded once, not for
# every `gpus` (the whole listing took 130-150 µs to word; a fifth of the bench's commands, BENCHMARKS.md).
_worded_lines: dict[str, tuple[PriceBook, tuple[str, ...]]] = {}


def _gpu_lines(lang: str) -> list[str]:
    book = price_book()
    kept = _worded_lines.get(lang)
    if kept is None or kept[0] is not book:
        kept = _worded_lines[lang] = (book, tuple(_gpu_line(gpu, book.default_offer(gpu.id), lang) for gpu in CATALOG))
    return list(kept[1])


def _gpu_line(gpu: Accelerator, price: Offer | None, lang: str) -> str:
    precision = gpu.default_precision
    return t(
        lang,
        "gpu_line",
        id=gpu.id,
        name=gpu.name,
        peak=f"{gpu.dense_tflops[precision]:g}",
        precision=precision.value,
        memory=f"{gpu.memory_gb:g}" if gpu.memory_gb else "?",
        bandwidth=f"{gpu.bandwidth_tbps:g}" if gpu.bandwidth_tbps else "?",
        power=f"{gpu.power_w:g}" if gpu.power_w else "?",
        price=offer_words(price, lang) if price is not None else t(lang, "gpu_no_price"),
    )


def catalog_lines(lang: str, today: date) -> list[str]:
    """One line per GPU for the Home tab: its peak and memory, and its price with provider, date and source,
    flagged when stale (the Home tab stays open for days, so the sources are shown, not only named)."""
    lines = []
    for gpu in CATALOG:
        price = default_price(gpu.id)
        price_text = (
            t(
                lang,
                "home_price",
                price=f"{price.usd_per_gpu_hour:g}",
                provider=price.provider,
                basis=fmt.basis(price.basis, lang),
                as_of=fmt.price_date(price.as_of, lang),
                stale=t(lang, "home_stale") if price.is_stale(today) else "",
                source=price.source,
            )
            if price is not None
            else t(lang, "gpu_no_price")
        )
        precision = gpu.default_precision
        peak = f"{gpu.dense_tflops[precision]:g}"
        memory = f"{gpu.memory_gb:g}" if gpu.memory_gb else "?"
        lines.append(
            t(lang, "home_gpu_line", id=gpu.id, peak=peak, precision=precision.value, memory=memory, price=price_text)
        )
    return lines


def models_listing(lang: str) -> Listing:
    lines = []
    for preset in PRESETS:
        active = t(lang, "model_active", active=format_quantity(preset.active_params)) if preset.active_params else ""
        tokens = format_quantity(preset.tokens) if preset.tokens else t(lang, "model_tokens_unknown")
        lines.append(
            t(
                lang,
                "model_line",
                name=preset.name,
                title=preset.title,
                params=format_quantity(preset.params),
                active=active,
                tokens=tokens,
                source=preset.source,
            )
        )
    return Listing(title=t(lang, "models_title"), sections=[("", lines)], lang=lang)


def help_listing(topic: str | None, lang: str) -> Listing:
    if topic in ("train", "finetune", "infer", "keys", "prices"):
        return Listing(
            title=t(lang, "help_title"),
            sections=[
                (
                    f"help {topic}",
                    t(lang, f"help_{topic}", rate=f"{DEFAULT_CNY_PER_USD:g}", **FINETUNE_NOTE_VALUES).split("\n"),
                )
            ],
            lang=lang,
        )
    if topic == "gpus":
        return gpus_listing(lang)
    if topic == "models":
        return models_listing(lang)
    return Listing(
        title=t(lang, "help_title"),
        sections=[
            (t(lang, "help_natural"), t(lang, "help_natural_lines").split("\n")),
            (t(lang, "help_usage"), t(lang, "help_lines").split("\n")),
            (t(lang, "help_examples"), t(lang, "help_example_lines").split("\n")),
            # Listed, and said where they work: a terminal has no workspace to keep defaults for.
            (t(lang, "help_in_slack"), t(lang, "help_in_slack_lines").split("\n")),
        ],
        lang=lang,
    )
