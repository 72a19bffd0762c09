"""GPU rental offers as data, and the rule that picks each GPU's price on one basis.

The offers live in calc/data/gpu_offers.json (provider, instance, basis, $ per GPU-hour, region, date, source),
validated here at load. An operator's file of the same form may add to them or replace them (bot.config reads it
and hands the parsed file to `use_offers`; calc itself reads no environment and no path).

A basis is how a price is charged: `on-demand`, `commit-1y`, `commit-3y`, `spot`, or any other name the data uses.
Two more are not in the data: `seed` (the seed document's own figure, where it names one) and `own` (buying the
GPUs, calc.ownership).

The rule for a GPU's price on a basis: of the offers on that basis, each provider's newest (the cheapest of its
offers that day), then only those seen within 12 months of the data's newest date when there are any; their
median, the cheaper of the two middle offers when the count is even, so the default is always a real offer with a
provider, a date and a source. The seed document is not a provider: its offer counts only as `basis=seed`.
Without `basis=` an estimate uses the seed's figure where the seed names one (the A100, so the seed's worked
examples keep their digits) and the on-demand rule elsewhere; a comparison uses one basis for every GPU.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache, cached_property
from typing import Annotated, Literal, TypeVar

from pydantic import BaseModel, Field, model_validator

from calc.data_files import packaged, read_data
from calc.gpus import CATALOG
from calc.model_config import DATA_FILE, FROZEN, FROZEN_STRICT

STALE_AFTER_DAYS = 365
SEED_PROVIDER = "the seed document"
DEFAULT_BASIS = "on-demand"
SEED_BASIS = "seed"
OWN_BASIS = "own"
# Words people use for a basis, as the data names it; `commit` is the shorter (and more often listed) commitment.
BASIS_ALIASES = {
    "ondemand": "on-demand",
    "on_demand": "on-demand",
    "commit": "commit-1y",
    "reserved": "commit-1y",
    "1y": "commit-1y",
    "3y": "commit-3y",
    "preemptible": "spot",
    "buy": OWN_BASIS,
}
T = TypeVar("T")
# The data's patterns are compiled here, so pydantic checks them with Python's re (a compiled pattern makes it use
# `re`, whatever the model's regex_engine): its default engine, Rust's regex crate, adds ~0.2 MiB to the web process
# at its first pattern and ~0.3 MiB more for `\d`'s Unicode digits (BENCHMARKS.md, branch `mem`). `\Z`, not `$`, so
# that a trailing newline is refused as the Rust engine refuses it; `[0-9]`, the digits `date.fromisoformat` reads.
_AS_OF = re.compile(r"^[0-9]{4}-[0-9]{2}(-[0-9]{2})?\Z")  # a day or a month, as sources date their figures
AsOf = Annotated[str, Field(pattern=_AS_OF)]
_BASIS = re.compile(r"^[a-z0-9-]+\Z")
# A per-GPU price that disagrees with the instance's price over its GPU count by more than this is a typo.
_PER_GPU_TOLERANCE = 0.005


def day_of(as_of: str) -> date:
    """`2026-11-09` or `2026-11` (its first day); ValueError for anything else."""
    if not _AS_OF.match(as_of):
        raise ValueError(f"as_of {as_of!r} is not YYYY-MM-DD or YYYY-MM")
    return date.fromisoformat(as_of if len(as_of) == 10 else f"{as_of}-01")


def is_stale(as_of: str | None, today: date) -> bool:
    """A figure dated more than STALE_AFTER_DAYS before `today`, or undated: nobody can say it still holds."""
    return as_of is None or (today - day_of(as_of)).days > STALE_AFTER_DAYS


class Offer(BaseModel):
    """One price seen for one GPU: per GPU-hour (an instance's price divided by its GPUs), dated and sourced."""

    model_config = FROZEN_STRICT

    gpu: str
    provider: str = Field(min_length=1)
    instance: str | None = None
    basis: str = Field(min_length=1, pattern=_BASIS)
    usd_per_gpu_hour: float = Field(gt=0, le=1000)
    instance_usd_per_hour: float | None = Field(default=None, gt=0)
    gpus_per_instance: int | None = Field(default=None, ge=1)
    region: str | None = None
    as_of: str | None = Field(default=None, description="YYYY-MM-DD, or YYYY-MM when the source gives the month")
    source: str = Field(min_length=1)
    notes: str | None = None
    # What the source leaves doubtful (a secondary source, a neighbouring part's price): said beside the price.
    flags: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _checked(self) -> "Offer":
        if self.gpu not in _GPU_IDS:
            raise ValueError(f"gpu {self.gpu!r} is not in the catalog (one of {', '.join(sorted(_GPU_IDS))})")
        if self.basis in (SEED_BASIS, OWN_BASIS):
            raise ValueError(f"basis {self.basis!r} is reserved (the seed's figure, owning the GPUs)")
        if self.as_of is not None:
            day_of(self.as_of)  # a date that does not exist, like 2026-02-30, fails here
        if self.instance_usd_per_hour is not None and self.gpus_per_instance is not None:
            per_gpu = self.instance_usd_per_hour / self.gpus_per_instance
            if abs(per_gpu / self.usd_per_gpu_hour - 1) > _PER_GPU_TOLERANCE:
                raise ValueError(
                    f"usd_per_gpu_hour {self.usd_per_gpu_hour:g} is not instance_usd_per_hour / gpus_per_instance "
                    f"({per_gpu:.4g})"
                )
        return self

    @property
    def day(self) -> date | None:
        """The date seen; a month-only date counts from the month's first day."""
        return None if self.as_of is None else day_of(self.as_of)

    @property
    def is_seed(self) -> bool:
        return self.provider == SEED_PROVIDER

    def is_stale(self, today: date) -> bool:
        """Undated prices count as stale: nobody can say they still hold."""
        return is_stale(self.as_of, today)


class OfferFile(BaseModel):
    """gpu_offers.json, or an operator's file of the same form; `replace` drops the packaged offers."""

    model_config = DATA_FILE

    schema_text: str | None = Field(default=None, alias="schema")
    replace: bool = False
    offers: tuple[Offer, ...] = Field(min_length=1)


@dataclass(frozen=True)
class Spread:
    """The offers the rule counts for one GPU on one basis: cheapest, median (the rule's pick) and dearest."""

    basis: str
    low: Offer
    median: Offer
    high: Offer
    counted: int  # providers counted
    listed: int  # offers on the basis, all of them


@dataclass(frozen=True)
class PriceBook:
    """The offers in force, and the rule applied to them."""

    offers: tuple[Offer, ...]
    operator: bool = False  # an operator's file is among the offers
    _spreads: dict[tuple[str, str], Spread | None] = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def data_date(self) -> date | None:
        """The newest date in the data: freshness is judged against it, so defaults move with the data, not the
        calendar."""
        days = [day for offer in self.offers if (day := offer.day) is not None]
        return max(days) if days else None

    def offers_for(self, gpu_id: str, basis: str | None = None) -> list[Offer]:
        """A GPU's offers (on one basis when given), cheapest first."""
        chosen = [o for o in self.offers if o.gpu == gpu_id and (basis is None or o.basis == basis)]
        return sorted(chosen, key=lambda offer: (offer.usd_per_gpu_hour, offer.provider))

    def bases(self, gpu_id: str | None = None) -> list[str]:
        """The bases the data prices (for one GPU when given), in a fixed order: on-demand first, then by name."""
        return list(self._bases.get(gpu_id, ()))

    @cached_property
    def _bases(self) -> dict[str | None, tuple[str, ...]]:
        # Worked out once: every estimate asks (a walk over every offer cost ~0.2 ms an estimate).
        by_gpu: dict[str | None, set[str]] = {None: set()}
        for offer in self.offers:
            if not offer.is_seed:
                by_gpu[None].add(offer.basis)
                by_gpu.setdefault(offer.gpu, set()).add(offer.basis)
        return {
            gpu: tuple(sorted(names, key=lambda name: (name != DEFAULT_BASIS, name))) for gpu, names in by_gpu.items()
        }

    def seed_offer(self, gpu_id: str) -> Offer | None:
        return self._seed_offers.get(gpu_id)

    @cached_property
    def _seed_offers(self) -> dict[str, Offer]:
        return {offer.gpu: offer for offer in self.offers if offer.is_seed}

    def counted(self, gpu_id: str, basis: str) -> list[Offer]:
        """The offers the rule counts: each provider's newest (its cheapest that day), the fresh ones if any."""
        newest: dict[str, Offer] = {}
        for offer in self.offers_for(gpu_id, basis):  # cheapest first: the first of a provider's same-day offers wins
            if offer.is_seed:
                continue
            kept = newest.get(offer.provider)
            if kept is None or (offer.day or date.min) > (kept.day or date.min):
                newest[offer.provider] = offer
        reference = self.data_date
        fresh = [o for o in newest.values() if reference is not None and not o.is_stale(reference)]
        chosen = fresh or list(newest.values())
        return sorted(chosen, key=lambda offer: (offer.usd_per_gpu_hour, offer.provider))

    def spread(self, gpu_id: str, basis: str) -> Spread | None:
        """The rule's figures for a GPU on a basis, worked out once: every estimate asks for them."""
        key = (gpu_id, basis)
        if key not in self._spreads:
            self._spreads[key] = self._spread(gpu_id, basis)
        return self._spreads[key]

    def _spread(self, gpu_id: str, basis: str) -> Spread | None:
        counted = self.counted(gpu_id, basis)
        if not counted:
            return None
        return Spread(
            basis=basis,
            low=counted[0],
            median=lower_middle(counted),
            high=counted[-1],
            counted=len(counted),
            listed=len([o for o in self.offers_for(gpu_id, basis) if not o.is_seed]),
        )

    def offer_on(self, gpu_id: str, basis: str) -> Offer | None:
        """The rule's offer for a GPU on a basis (`seed`: the seed's own figure), or None when it has none."""
        if basis == SEED_BASIS:
            return self.seed_offer(gpu_id)
        spread = self.spread(gpu_id, basis)
        return spread.median if spread else None

    def default_offer(self, gpu_id: str) -> Offer | None:
        """Without `basis=`: the seed's figure where the seed names one, else the on-demand rule."""
        return self.seed_offer(gpu_id) or self.offer_on(gpu_id, DEFAULT_BASIS)

    def known_bases(self) -> list[str]:
        """Every name `basis=` accepts."""
        return [*self.bases(), SEED_BASIS, OWN_BASIS]


_GPU_IDS = frozenset(gpu.id for gpu in CATALOG)


def read_offer_file(text: str) -> OfferFile:
    """Parse and validate a file of offers; raises ValueError (pydantic's ValidationError is one) on a bad one."""
    return read_data(OfferFile, text)


@cache
def packaged_offers() -> OfferFile:
    return packaged(OfferFile, "gpu_offers.json")


def merged(packaged: OfferFile, extra: OfferFile | None) -> PriceBook:
    """The packaged offers with an operator's: added to them, or instead of them when the file says `replace`.

    An operator's offer for the same GPU, provider, instance, basis and region as a packaged one supersedes it.
    """
    if extra is None:
        return PriceBook(packaged.offers)
    if extra.replace:
        return PriceBook(extra.offers, operator=True)

    def key(offer: Offer) -> tuple[str, str, str | None, str, str | None]:
        return offer.gpu, offer.provider, offer.instance, offer.basis, offer.region

    superseded = {key(offer) for offer in extra.offers}
    kept = [offer for offer in packaged.offers if key(offer) not in superseded]
    return PriceBook((*kept, *extra.offers), operator=True)


_in_force: list[PriceBook] = []


def use_offers(extra: OfferFile | None) -> PriceBook:
    """Put the packaged offers, with an operator's file when given, in force for this process (at start-up)."""
    book = merged(packaged_offers(), extra)
    _in_force[:] = [book]
    return book


def operator_prices_in_force() -> bool:
    """Whether an operator's file was put in force (its offers are listed, and `prices` says so)."""
    return bool(_in_force) and _in_force[0].operator


def price_book() -> PriceBook:
    """The offers in force: the packaged ones unless `use_offers` was given an operator's file."""
    if not _in_force:
        _in_force.append(merged(packaged_offers(), None))
    return _in_force[0]


def normal_basis(word: str) -> str:
    """A basis as the data names it: lower case, aliases resolved (`commit` -> `commit-1y`)."""
    lowered = word.strip().lower()
    return BASIS_ALIASES.get(lowered, lowered)


def default_price(gpu_id: str) -> Offer | None:
    """The price an estimate on this GPU uses without `basis=` or `price=`, or None where no offer is known."""
    return price_book().default_offer(gpu_id)


def lower_middle(ordered: Sequence[T]) -> T:
    """The middle item of a sorted sequence, the lower of the two middle ones when their count is even: a median
    that is always one of the items (a real offer or price, with its source), never an average of two."""
    return ordered[(len(ordered) - 1) // 2]


class ListedOffer(BaseModel):
    """An offer as `prices` shows it: stale against today, and whether the rule counts it or picks it."""

    model_config = FROZEN

    gpu: str
    provider: str
    instance: str | None
    basis: str
    usd_per_gpu_hour: float
    region: str | None
    as_of: str | None
    source: str
    notes: str | None
    stale: bool
    counted: bool
    default: bool  # the price an estimate on this GPU uses without `basis=` or `price=`


class ListedSpread(BaseModel):
    model_config = FROZEN

    gpu: str
    basis: str
    low_usd: float
    median_usd: float
    high_usd: float
    counted: int
    listed: int


class PriceTable(BaseModel):
    """What `prices [gpu]` answers: the offers, the spread per basis, and the data's date the rule judges by."""

    model_config = FROZEN

    kind: Literal["prices"] = "prices"
    gpu: str | None
    data_date: date | None
    offers: tuple[ListedOffer, ...]
    spread: tuple[ListedSpread, ...]


def price_table(gpu_ids: Sequence[str], today: date) -> PriceTable:
    """The offers for these GPUs, cheapest first on each basis (on-demand first), with their spreads."""
    book = price_book()
    offers: list[ListedOffer] = []
    spreads: list[ListedSpread] = []
    for gpu_id in gpu_ids:
        default = book.default_offer(gpu_id)
        for basis in book.bases(gpu_id):
            spread = book.spread(gpu_id, basis)
            counted = book.counted(gpu_id, basis)
            if spread is not None:
                spreads.append(
                    ListedSpread(
                        gpu=gpu_id,
                        basis=basis,
                        low_usd=spread.low.usd_per_gpu_hour,
                        median_usd=spread.median.usd_per_gpu_hour,
                        high_usd=spread.high.usd_per_gpu_hour,
                        counted=spread.counted,
                        listed=spread.listed,
                    )
                )
            offers += [
                _listed(offer, offer in counted, offer == default, today) for offer in book.offers_for(gpu_id, basis)
            ]
        seed = book.seed_offer(gpu_id)
        if seed is not None:
            offers.append(_listed(seed, False, seed == default, today))
    return PriceTable(
        gpu=gpu_ids[0] if len(gpu_ids) == 1 else None,
        data_date=book.data_date,
        offers=tuple(offers),
        spread=tuple(spreads),
    )


def _listed(offer: Offer, counted: bool, default: bool, today: date) -> ListedOffer:
    return ListedOffer(
        **offer.model_dump(exclude={"instance_usd_per_hour", "gpus_per_instance"}),
        stale=offer.is_stale(today),
        counted=counted,
        default=default,
    )
