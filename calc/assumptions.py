"""Resolve what a request left unset into stated assumptions: GPU, precision, peak, MFU, price, currency."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from calc.errors import EstimateError
from calc.gpus import DEFAULT_GPU_ID, Accelerator, get_gpu
from calc.ownership import ownership
from calc.presets import ModelPreset, find_preset
from calc.prices import OWN_BASIS, SEED_BASIS, STALE_AFTER_DAYS, Offer, PriceBook, Spread, normal_basis, price_book
from calc.requests import JobRequest
from calc.results import Note, PriceInfo, PriceRule, fixed_note
from calc.units import Currency, Formula, Precision

DEFAULT_CNY_PER_USD = 7.1
# A typed price's source in the JSON contract (`price_source`); people read their own language's words for it.
YOUR_PRICE = "your price"


@dataclass(frozen=True)
class Resolved:
    """The shared assumptions, ready to go into a result's `Assumptions`."""

    gpu: Accelerator
    precision: Precision
    peak_flops: float
    mfu: float
    price_per_gpu_hour: float
    price: PriceInfo
    currency: Currency
    fx_rate: float
    params: float
    active_params: float
    preset: ModelPreset | None
    notes: tuple[Note, ...]

    def shared_fields(self, request: JobRequest) -> dict[str, Any]:
        """The fields every result's `Assumptions` shares, as keywords beside a subclass's own. Not validated here:
        the subclass validates them with its own (an `Assumptions` built here too validated every one twice)."""
        return {
            "gpu": self.gpu.id,
            "gpu_name": self.gpu.name,
            "gpu_source": self.gpu.source,
            "peak_halved_from_sparse": self.gpu.peaks_halved_from_sparse,
            "precision": self.precision,
            "peak_flops": self.peak_flops,
            "peak_overridden": request.flops is not None,
            "mfu": self.mfu,
            "mfu_is_default": request.mfu is None and request.formula is Formula.STANDARD,
            "mfu_label": request.mfu_label if request.mfu is not None else None,
            "price_per_gpu_hour": self.price_per_gpu_hour,
            "price_source": describe_price(self.price),
            "price_basis": self.price.basis,
            "price": self.price,
            "discount": request.discount,
            "currency": self.currency,
            "fx_rate": self.fx_rate,
            "params": self.params,
            "active_params": self.active_params,
            "model": self.preset.title if self.preset else None,
            "formula": request.formula,
        }


def describe_price(price: PriceInfo) -> str:
    """One line naming where a price came from, for people and for the JSON contract."""
    if price.rule == "given":
        return price.label or YOUR_PRICE
    if price.own is not None:
        return f"{OWN_BASIS}: {price.source}"
    parts = [price.provider, price.instance, price.region, price.basis, price.as_of or "undated"]
    return ", ".join(part for part in parts if part) + f" ({price.source})"


def offer_info(offer: Offer, rule: PriceRule, counted: int | None, today: date) -> PriceInfo:
    return PriceInfo(
        label=None,
        rule=rule,
        basis=offer.basis,
        provider=offer.provider,
        instance=offer.instance,
        region=offer.region,
        as_of=offer.as_of,
        source=offer.source,
        stale=offer.is_stale(today),
        offers_counted=counted,
        own=None,
        flags=offer.flags,
    )


def given_price_info(label: str | None) -> PriceInfo:
    """A price the person (or their team) gave. No label of calc's own: a bare typed price has label None, and the
    wording names it in the reader's language; a team's price comes with the label the bot worded for it."""
    return PriceInfo(
        label=label,
        rule="given",
        basis=None,
        provider=None,
        instance=None,
        region=None,
        as_of=None,
        source=label or YOUR_PRICE,
        stale=False,
        offers_counted=None,
        own=None,
    )


def no_offer_error(book: PriceBook, gpu_id: str, basis: str | None) -> EstimateError:
    """Why a GPU has no offer to price it on `basis` (None: by default): no price at all, or none on that basis."""
    if basis is None or not book.offers_for(gpu_id):
        return EstimateError("no_price", gpu=gpu_id)
    priced = [*book.bases(gpu_id), *([SEED_BASIS] if book.seed_offer(gpu_id) else [])]
    return EstimateError("no_offer_on_basis", gpu=gpu_id, basis=basis, available=", ".join(priced))


@dataclass(frozen=True)
class PricedOffer:
    """The offer the basis rule picked, as an answer states it, and the spread it is the median of."""

    offer: Offer
    info: PriceInfo
    spread: Spread | None  # None for the seed's own figure, which no spread of providers stands behind


def priced_offer(book: PriceBook, gpu_id: str, basis: str | None, today: date) -> PricedOffer:
    """The offer the rule picks for a GPU on `basis` (None: the default, the seed's figure where the seed names
    one, else on-demand), for an estimate and a rental alike; no_offer_error when there is none to pick."""
    offer = book.default_offer(gpu_id) if basis is None else book.offer_on(gpu_id, basis)
    if offer is None:
        raise no_offer_error(book, gpu_id, basis)
    if offer.is_seed:
        return PricedOffer(offer, offer_info(offer, "seed", None, today), None)
    spread = book.spread(gpu_id, offer.basis)
    return PricedOffer(offer, offer_info(offer, "median", spread.counted if spread else None, today), spread)


def _price(request: JobRequest, gpu: Accelerator, today: date) -> tuple[float, PriceInfo]:
    """The price per GPU-hour: the reader's (or team's); owning the GPU; else the offer the basis rule picks."""
    if request.price is not None:
        return request.price, given_price_info(request.price_label)
    book = price_book()
    basis = normal_basis(request.basis) if request.basis else None
    if basis == OWN_BASIS:
        own = ownership(
            gpu,
            capex=request.capex,
            years=request.years,
            utilization=request.util,
            usd_per_kwh=request.kwh,
            pue=request.pue,
            operations=request.ops,
        )
        source = own.capex_source or YOUR_PRICE
        info = PriceInfo(
            label=None,
            rule="own",
            basis=OWN_BASIS,
            provider=None,
            instance=None,
            region=None,
            as_of=own.capex_as_of,
            source=source,
            stale=False,
            offers_counted=None,
            own=own,
        )
        return own.usd_per_gpu_hour, info
    if basis is not None and basis not in book.known_bases():
        raise EstimateError("unknown_basis", basis=basis, known=", ".join(book.known_bases()))
    priced = priced_offer(book, gpu.id, basis, today)
    return priced.offer.usd_per_gpu_hour, priced.info


def _peak(request: JobRequest, gpu: Accelerator, compute: Precision | None) -> tuple[Precision, float]:
    """The weights' precision and the peak of the precision the multiplies run in (`compute`, when it differs)."""
    precision = request.precision or gpu.default_precision
    if request.flops is not None:
        return precision, request.flops
    peak = gpu.peak_flops(compute or precision)
    if peak is None:
        available = ", ".join(p.value for p in gpu.dense_tflops)
        raise EstimateError("precision_unsupported", gpu=gpu.id, precision=precision.value, available=available)
    return precision, peak


def _preset(request: JobRequest) -> ModelPreset | None:
    if request.model is None:
        return None
    preset = find_preset(request.model)
    if preset is None:
        raise EstimateError("unknown_model", model=request.model)
    return preset


def resolve(
    request: JobRequest, today: date, default_mfu: float, compute_precision: Precision | None = None
) -> Resolved:
    preset = _preset(request)
    if request.params is not None:
        params, preset_active = request.params, None
    else:
        assert preset is not None  # the request validator demands params or a model
        params, preset_active = preset.params, preset.active_params
    active = request.active or preset_active or params
    gpu = get_gpu(request.gpu or DEFAULT_GPU_ID)
    precision, peak = _peak(request, gpu, compute_precision)
    price_per_hour, price = _price(request, gpu, today)
    currency = request.currency or (Currency.CNY if request.rate is not None else Currency.USD)
    fx_rate = (request.rate or DEFAULT_CNY_PER_USD) if currency is Currency.CNY else 1.0
    seed = request.formula is Formula.SEED
    notes: list[Note] = []
    if price.stale:
        stale = (
            Note(code="price_stale", values={"as_of": price.as_of, "stale_after_days": STALE_AFTER_DAYS})
            if price.as_of
            else fixed_note("price_undated")
        )
        notes.append(stale)
    if gpu.flags:
        notes.append(Note(code="gpu_flags", values={"gpu": gpu.id, "flags": "; ".join(gpu.flags)}))
    return Resolved(
        gpu=gpu,
        precision=precision,
        peak_flops=peak,
        mfu=1.0 if seed else (request.mfu or default_mfu),
        price_per_gpu_hour=price_per_hour,
        price=price,
        currency=currency,
        fx_rate=fx_rate,
        params=params,
        active_params=params if seed else active,
        preset=preset,
        notes=tuple(notes),
    )
