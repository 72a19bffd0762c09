"""Resolve what a request left unset into stated assumptions: GPU, precision, peak, MFU, price, currency."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from calc.errors import EstimateError
from calc.gpus import DEFAULT_GPU_ID, Accelerator, get_gpu
from calc.presets import ModelPreset, find_preset
from calc.prices import STALE_AFTER_DAYS, default_price
from calc.requests import JobRequest
from calc.results import Assumptions, Note, PriceInfo
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
        """The fields every result's `Assumptions` shares, type-checked and validated here as one `Assumptions`;
        a subclass takes them as keywords beside its own (shallow: `price` stays a PriceInfo)."""
        shared = Assumptions(
            gpu=self.gpu.id,
            gpu_name=self.gpu.name,
            gpu_source=self.gpu.source,
            peak_halved_from_sparse=self.gpu.peaks_halved_from_sparse,
            precision=self.precision,
            peak_flops=self.peak_flops,
            peak_overridden=request.flops is not None,
            mfu=self.mfu,
            mfu_is_default=request.mfu is None and request.formula is Formula.STANDARD,
            mfu_label=request.mfu_label if request.mfu is not None else None,
            price_per_gpu_hour=self.price_per_gpu_hour,
            price_source=describe_price(self.price),
            price=self.price,
            discount=request.discount,
            currency=self.currency,
            fx_rate=self.fx_rate,
            params=self.params,
            active_params=self.active_params,
            model=self.preset.title if self.preset else None,
            formula=request.formula,
        )
        return dict(shared)


def describe_price(price: PriceInfo) -> str:
    """One line naming where a price came from, for people and for the JSON contract."""
    if price.provider is None:
        return price.label or YOUR_PRICE
    parts = [price.provider, price.instance, price.pricing_model, price.as_of or "undated"]
    return ", ".join(part for part in parts if part) + f" ({price.source})"


def _price(request: JobRequest, gpu: Accelerator, today: date) -> tuple[float, PriceInfo]:
    if request.price is not None:
        # No label of calc's own: a bare typed price has label None, and the wording names it in the reader's
        # language; a team's price comes with the label the bot worded for it.
        info = PriceInfo(
            label=request.price_label,
            provider=None,
            pricing_model=None,
            instance=None,
            as_of=None,
            source=request.price_label or YOUR_PRICE,
            stale=False,
        )
        return request.price, info
    catalog = default_price(gpu.id)
    if catalog is None:
        raise EstimateError("no_price", gpu=gpu.id)
    info = PriceInfo(
        label=None,
        provider=catalog.provider,
        pricing_model=catalog.pricing_model,
        instance=catalog.instance,
        as_of=catalog.as_of_label,
        source=catalog.source,
        stale=catalog.is_stale(today),
        flags=catalog.flags,
    )
    return catalog.usd_per_gpu_hour, info


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
            else Note(code="price_undated")
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
