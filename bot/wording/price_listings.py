"""`prices [gpu]`, `rent <gpu>` and `api [model]` worded as listings; `--json` prints the tables behind them."""

from collections.abc import Sequence

from bot.wording import numbers as fmt
from bot.wording.i18n import plural, t
from bot.wording.report import Listing, hourly_price_words
from calc.api_prices import ApiTable, ListedApiOffer
from calc.prices import SEED_PROVIDER, STALE_AFTER_DAYS, ListedOffer, ListedSpread, PriceTable
from calc.rental import HOURS_PER_DAY, RentComparison, RentResult
from calc.units import Currency


def _usd(value: float) -> str:
    return f"{value:g}"


def _offer_line(offer: ListedOffer, lang: str) -> str:
    marks = t(lang, "prices_default_mark") if offer.default else ""
    if not offer.counted:
        reason = "seed" if offer.provider == SEED_PROVIDER else "older"
        marks += t(lang, "prices_not_counted_mark", reason=t(lang, f"prices_reason_{reason}", days=STALE_AFTER_DAYS))
    return t(
        lang,
        "prices_offer",
        price=_usd(offer.usd_per_gpu_hour),
        provider=offer.provider,
        instance=t(lang, "prices_instance", instance=offer.instance) if offer.instance else "",
        region=f" ({offer.region})" if offer.region else "",
        as_of=fmt.price_date(offer.as_of, lang),
        stale=t(lang, "prices_stale") if offer.stale else "",
        marks=marks,
        source=offer.source,
    )


def _spread_words(spread: ListedSpread, code: str, lang: str) -> str:
    """A basis's spread, worded by `code`: the heading over its offers, or a short part of a GPU's line."""
    return t(
        lang,
        code,
        basis=fmt.basis(spread.basis, lang),
        low=_usd(spread.low_usd),
        median=_usd(spread.median_usd),
        high=_usd(spread.high_usd),
        counted=spread.counted,
        listed=spread.listed,
    )


def _default_words(offers: Sequence[ListedOffer], lang: str) -> str:
    default = next((offer for offer in offers if offer.default), None)
    if default is None:
        return t(lang, "prices_none")
    return t(
        lang,
        "gpu_price_basis",
        price=_usd(default.usd_per_gpu_hour),
        basis=fmt.basis(default.basis, lang),
        provider=default.provider,
        as_of=fmt.price_date(default.as_of, lang),
    )


def prices_listing(table: PriceTable, gpu_ids: Sequence[str], lang: str, operator_file: bool = False) -> Listing:
    """One GPU: each basis's spread, then every offer with its date and source. All GPUs: a line each."""
    data_date = table.data_date.isoformat() if table.data_date else "?"
    rule = t(lang, "prices_rule", data_date=data_date, days=STALE_AFTER_DAYS)
    footer = [rule, *([t(lang, "prices_override")] if operator_file else [])]
    if table.gpu is not None:
        sections = []
        for spread in table.spread:
            offers = [o for o in table.offers if o.basis == spread.basis and o.provider != SEED_PROVIDER]
            sections.append(
                (_spread_words(spread, "prices_basis_heading", lang), [_offer_line(o, lang) for o in offers])
            )
        seed = [o for o in table.offers if o.provider == SEED_PROVIDER]
        if seed:
            sections.append((fmt.basis("seed", lang), [_offer_line(o, lang) for o in seed]))
        title = t(lang, "prices_gpu_title", gpu=table.gpu, count=len(table.offers))
        return Listing(title=title, sections=[*sections, ("", footer)], lang=lang, data=table)
    lines = []
    for gpu_id in gpu_ids:
        spreads = [_spread_words(s, "prices_spread_short", lang) for s in table.spread if s.gpu == gpu_id]
        offers = [o for o in table.offers if o.gpu == gpu_id]
        default = _default_words(offers, lang)
        lines.append(t(lang, "prices_gpu_line", gpu=gpu_id, default=default, spreads=" · ".join(spreads) or "—"))
    return Listing(title=t(lang, "prices_title"), sections=[("", lines), ("", footer)], lang=lang, data=table)


def _api_line(offer: ListedApiOffer, lang: str) -> str:
    return t(
        lang,
        "api_offer",
        provider=offer.provider,
        input=_usd(offer.input_usd_per_1m),
        output=_usd(offer.output_usd_per_1m),
        as_of=offer.as_of,
        stale=t(lang, "prices_stale") if offer.stale else "",
        source=offer.source,
    )


def api_listing(table: ApiTable, lang: str) -> Listing:
    """One model: each offer with its date and source. All models: a line each with the cheapest prices."""
    footer = ("", [t(lang, "api_footer")])
    if table.model is not None:
        title = t(lang, "api_title_model", model=table.model, count=len(table.offers))
        return Listing(
            title=title, sections=[("", [_api_line(o, lang) for o in table.offers]), footer], lang=lang, data=table
        )
    lines = []
    for model in dict.fromkeys(offer.model for offer in table.offers):
        offers = [offer for offer in table.offers if offer.model == model]
        lines.append(
            t(
                lang,
                "api_model_line",
                model=model,
                open=t(lang, "api_open_weights") if offers[0].open_weights else "",
                count=len(offers),
                input=_usd(min(o.input_usd_per_1m for o in offers)),
                output=_usd(min(o.output_usd_per_1m for o in offers)),
            )
        )
    return Listing(title=t(lang, "api_title"), sections=[("", lines), footer], lang=lang, data=table)


RENT_MONTH_DAYS = 30  # a month of rental, as the reader reads "a month"


def rent_listing(result: RentResult, lang: str) -> Listing:
    """A rental: the total (or the fleet's cost per hour, day and month), the sum behind it, and the price with its
    basis, provider, date and source, then how far the cheapest and dearest provider on that basis move it."""
    currency = result.currency
    gpus = fmt.count(result.gpus)

    def money(usd: float) -> str:
        return fmt.money_exact(usd * result.fx_rate, currency)

    price = hourly_price_words(result.price, result.price_per_gpu_hour, result.gpu, lang, currency=result.currency)
    discount = t(lang, "rent_discount", discount=fmt.percent(result.discount)) if result.discount else ""
    per_gpu_hour = money(result.price_per_gpu_hour * (1 - result.discount))
    per_day = result.cost_usd_per_hour * HOURS_PER_DAY
    lines = []
    if result.cost_usd is not None and result.hours is not None and result.gpu_hours is not None:
        title = t(
            lang,
            "rent_title",
            gpus=gpus,
            gpu=result.gpu,
            duration=_rental_time(result.hours, lang),
            cost=fmt.money(result.cost_usd * result.fx_rate, currency, lang=lang),
        )
        lines.append(
            t(
                lang,
                "rent_sum",
                gpus=gpus,
                hours=_hours(result.hours),
                gpu_hours=fmt.count(result.gpu_hours),
                price=per_gpu_hour,
                discount=discount,
                cost=money(result.cost_usd),
            )
        )
    elif result.cost_usd is not None and result.gpu_hours is not None:  # GPU-hours in all: no fleet, no time
        gpu_hours = fmt.count(result.gpu_hours)
        cost = fmt.money(result.cost_usd * result.fx_rate, currency, lang=lang)
        title = t(lang, "rent_title_gpu_hours", gpu_hours=gpu_hours, gpu=result.gpu, cost=cost)
        lines.append(
            t(
                lang,
                "rent_sum_gpu_hours",
                gpu_hours=gpu_hours,
                price=per_gpu_hour,
                discount=discount,
                cost=money(result.cost_usd),
            )
        )
    else:
        title = t(lang, "rent_title_hourly", gpus=gpus, gpu=result.gpu, cost=money(result.cost_usd_per_hour))
    if result.hours is not None or result.gpu_hours is None:  # a fleet's cost per hour, day and month
        lines.append(
            plural(
                lang,
                "rent_rates",
                result.gpus,
                gpus=gpus,
                hour=money(result.cost_usd_per_hour),
                day=money(per_day),
                month=money(per_day * RENT_MONTH_DAYS),
                days=RENT_MONTH_DAYS,
            )
        )
    lines.append(t(lang, "rent_price", price=price))
    if currency is not Currency.USD:
        lines.append(t(lang, "rent_fx", rate=f"{result.fx_rate:g}", currency=currency.value))
    low, high = result.spread_usd_per_gpu_hour or (0.0, 0.0)
    if low < high and result.price.offers_counted:  # one provider, or one price: no spread to show
        scale = (result.gpu_hours or result.gpus) * (1 - result.discount)
        lines.append(
            t(
                lang,
                "rent_spread" if result.gpu_hours else "rent_spread_hourly",
                basis=fmt.basis(result.price_basis, lang),
                low=_usd(low),
                high=_usd(high),
                count=result.price.offers_counted,
                low_total=money(low * scale),
                high_total=money(high * scale),
            )
        )
    footer = t(lang, "rent_footer", gpu=result.gpu)
    return Listing(title=title, sections=[("", lines), ("", [footer])], lang=lang, data=result)


def _rental_time(hours: float, lang: str) -> str:
    """Whole days as days ("60 days"), anything else as hours ("500 h")."""
    days = hours / HOURS_PER_DAY
    if days >= 1 and days == int(days):
        return plural(lang, "rent_days", days, days=fmt.count(days))
    return t(lang, "rent_hours", hours=_hours(hours))


def _hours(hours: float) -> str:
    return f"{hours:,.6g}"


def rent_comparison_listing(comparison: RentComparison, lang: str) -> Listing:
    """The same rental on several GPUs, cheapest first, each with its price, basis, provider and date; the GPUs
    without a price said, and that this compares the hours' price, not what the hours get done."""
    first = comparison.rentals[0]
    gpus = fmt.count(first.gpus)
    if first.hours is not None:
        duration = _rental_time(first.hours, lang)
        what = plural(lang, "rent_compare_what", first.gpus, gpus=gpus, duration=duration)
    elif first.gpu_hours is not None:
        what = t(lang, "rent_compare_what_gpu_hours", gpu_hours=fmt.count(first.gpu_hours))
    else:
        what = plural(lang, "rent_compare_what_hourly", first.gpus, gpus=gpus)
    lines = []
    for rental in comparison.rentals:
        price = hourly_price_words(rental.price, rental.price_per_gpu_hour, rental.gpu, lang, True, rental.currency)
        cost = fmt.money_exact(rental.compared_cost, rental.currency)
        lines.append(t(lang, "rent_compare_line", gpu=rental.gpu, cost=cost, price=price))
    for skipped in comparison.skipped:
        lines.append(t(lang, "rent_compare_skipped", gpu=skipped.gpu, why=t(lang, skipped.code, **skipped.values)))
    cheapest = fmt.money(first.compared_cost, first.currency, lang=lang)
    title = t(lang, "rent_compare_title", what=what, gpu=first.gpu, cost=cheapest)
    footer = [t(lang, "rent_compare_footer")]
    if first.currency is not Currency.USD:
        footer.insert(0, t(lang, "rent_fx", rate=f"{first.fx_rate:g}", currency=first.currency.value))
    return Listing(title=title, sections=[("", lines), ("", footer)], lang=lang, data=comparison)
