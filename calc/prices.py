"""Default rental price per accelerator, each with provider, pricing model, date and source.

Picked from shared/reference/prices.json, and for parts it does not price from dated public listings
found since: an on-demand price for one GPU, from a GPU cloud where one lists the part, dated.
H20 and TPU v3 have no credible public price: estimates on them need `price=`. The A100 keeps the seed document's $2.2659 (Azure 3-year reserved, as the seed quotes it), so
the seed's worked examples come out to the digit.
"""

from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

STALE_AFTER_DAYS = 365


class PricingModel(StrEnum):
    """How a price is charged; the value is the JSON's word, renderers word it in the reader's language."""

    ON_DEMAND = "on-demand"
    RESERVED_3_YEARS = "3-year reserved"
    ASSUMED_RENTAL = "assumed rental price"


class Price(BaseModel):
    model_config = ConfigDict(frozen=True)

    gpu_id: str
    usd_per_gpu_hour: float
    provider: str
    pricing_model: PricingModel
    as_of: date | None
    # Some sources give only the month: their day is a placeholder and is not shown.
    as_of_month_only: bool = False
    source: str
    instance: str | None = None
    flags: tuple[str, ...] = ()

    @property
    def as_of_label(self) -> str | None:
        """The date as the source gives it, or None when it gives none."""
        if self.as_of is None:
            return None
        return self.as_of.strftime("%Y-%m") if self.as_of_month_only else self.as_of.isoformat()

    def is_stale(self, today: date) -> bool:
        """Undated prices count as stale: nobody can say they still hold."""
        return self.as_of is None or (today - self.as_of).days > STALE_AFTER_DAYS


SEED_PRICE = Price(
    gpu_id="A100-80GB-SXM",
    usd_per_gpu_hour=2.2659,
    provider="Azure",
    instance="ND A100 v4",
    pricing_model=PricingModel.RESERVED_3_YEARS,
    as_of=None,
    source="the seed document, quoting Azure's Linux VM price page",
    flags=("not found on Azure's current price list; 3-year discounts of 45-65% make it plausible",),
)

_DATA_RECEIPTS = "datareceipts/data-receipts 109-gpu-pricing, retrieved 2026-11-09"
_SILYBENCH = "tgarg01/silybench-data gpu_prices.csv, checked 2026-09-25"
_GCP_CATALOG = "Google Cloud Billing catalog via Cyclenerd/google-cloud-pricing-cost-calculator, 2026-07-30"
_GCP_TPU = "Google Cloud TPU list price in skypilot-org/skypilot-catalog catalogs/v8/gcp/vms.csv"


def _on_demand(gpu_id: str, usd: float, provider: str, instance: str, day: date, source: str) -> Price:
    return Price(
        gpu_id=gpu_id,
        usd_per_gpu_hour=usd,
        provider=provider,
        instance=instance,
        pricing_model=PricingModel.ON_DEMAND,
        as_of=day,
        source=source,
    )


DEFAULT_PRICES: tuple[Price, ...] = (
    SEED_PRICE,
    _on_demand("A100-40GB-SXM", 1.99, "Lambda", "1x A100 40GB SXM", date(2026, 11, 16), _DATA_RECEIPTS),
    _on_demand("H100-SXM", 3.99, "RunPod Secure Cloud", "1x H100 SXM", date(2026, 11, 9), _DATA_RECEIPTS),
    _on_demand("H100-PCIe", 3.29, "Lambda", "1x H100 PCIe", date(2026, 9, 25), _SILYBENCH),
    _on_demand(
        "H200-SXM",
        7.912,
        "AWS",
        "p5en.48xlarge (8 GPUs)",
        date(2026, 8, 6),
        "dstackai/dstack PR #4110 'Add AWS p5en.48xlarge' (offer listing, us-east-1)",
    ),
    _on_demand("B200-HGX", 6.99, "Lambda", "1x B200 SXM6", date(2026, 9, 25), _SILYBENCH),
    _on_demand("L40S", 1.09, "RunPod Secure Cloud", "1x L40S", date(2026, 9, 25), _SILYBENCH),
    _on_demand("L4", 0.7068, "Google Cloud", "g2-standard-4 (1 GPU)", date(2026, 7, 30), _GCP_CATALOG),
    _on_demand("A10", 1.29, "Lambda", "1x A10", date(2026, 9, 25), _SILYBENCH),
    _on_demand("RTX-4090", 0.74, "RunPod Secure Cloud", "1x RTX 4090", date(2026, 9, 25), _SILYBENCH),
    Price(
        gpu_id="H800-SXM",
        usd_per_gpu_hour=2.0,
        provider="DeepSeek-V3 technical report",
        pricing_model=PricingModel.ASSUMED_RENTAL,
        as_of=date(2024, 12, 1),
        as_of_month_only=True,
        source="DeepSeek-V3 Technical Report, Table 1: 'the rental price of the H800 GPU is $2 per GPU hour'",
    ),
    Price(
        gpu_id="V100-SXM2",
        usd_per_gpu_hour=0.55,
        provider="Lambda",
        instance="gpu_8x_v100 (8 GPUs)",
        pricing_model=PricingModel.ON_DEMAND,
        as_of=None,
        source="skypilot-org/skypilot-catalog catalogs/v7/lambda/vms.csv",
        flags=("listed for the 16GB V100; no public price for the 32GB part was found",),
    ),
    Price(
        gpu_id="MI300X",
        usd_per_gpu_hour=1.71,
        provider="TensorWave",
        instance="MI300X",
        pricing_model=PricingModel.ON_DEMAND,
        as_of=date(2026, 5, 1),
        as_of_month_only=True,
        source="secondary: gpu.blog and a project note quoting TensorWave at ~$1.71/GPU-hr",
        flags=("secondary source; no TensorWave price page seen",),
    ),
    Price(
        gpu_id="MI325X",
        usd_per_gpu_hour=1.95,
        provider="TensorWave",
        instance="MI325X",
        pricing_model=PricingModel.ON_DEMAND,
        as_of=date(2026, 5, 18),
        source="secondary: cliffcenter.com/research/amd-inference-economics",
        flags=("secondary source; no TensorWave price page seen",),
    ),
    Price(
        gpu_id="TPU-v5e",
        usd_per_gpu_hour=1.20,
        provider="Google Cloud",
        instance="tpu-v5litepod-1, us-central1",
        pricing_model=PricingModel.ON_DEMAND,
        as_of=date(2026, 1, 27),
        source=f"{_GCP_TPU}; the same $1.2/chip-hour on artificial-intelligence-wiki.com (2026-01-27)",
    ),
    Price(
        gpu_id="TPU-v5p",
        usd_per_gpu_hour=4.20,
        provider="Google Cloud",
        instance="tpu-v5p-8 (4 chips), us-central1",
        pricing_model=PricingModel.ON_DEMAND,
        as_of=date(2026, 1, 27),
        source=f"{_GCP_TPU}; the same $4.2/chip-hour on artificial-intelligence-wiki.com (2026-01-27)",
    ),
    Price(
        gpu_id="TPU-v4",
        usd_per_gpu_hour=3.22,
        provider="Google Cloud",
        instance="tpu-v4-4096 (2048 chips), us-central2",
        pricing_model=PricingModel.ON_DEMAND,
        as_of=None,
        source=_GCP_TPU,
    ),
)

_BY_GPU: dict[str, Price] = {price.gpu_id: price for price in DEFAULT_PRICES}


def default_price(gpu_id: str) -> Price | None:
    """The catalog price for a part, or None where no credible public price was found."""
    return _BY_GPU.get(gpu_id)
