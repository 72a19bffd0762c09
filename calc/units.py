"""Physical constants and the vocabulary every estimator shares."""

from enum import StrEnum

TERA = 1e12
SECONDS_PER_HOUR = 3600.0
SECONDS_PER_DAY = 86_400.0
GIGABYTE = 1e9


class Precision(StrEnum):
    """Number format of the matrix multiplies; it picks the peak and the bytes per weight."""

    TF32 = "tf32"
    BF16 = "bf16"
    FP16 = "fp16"
    FP8 = "fp8"
    INT8 = "int8"
    INT4 = "int4"
    FP4 = "fp4"


BYTES_PER_PARAM: dict[Precision, float] = {
    Precision.TF32: 4.0,
    Precision.BF16: 2.0,
    Precision.FP16: 2.0,
    Precision.FP8: 1.0,
    Precision.INT8: 1.0,
    Precision.INT4: 0.5,
    Precision.FP4: 0.5,
}
# Serving stores these weights small and widens them to the activations' 16 bits to multiply (W8A16, W4A16).
WEIGHT_ONLY: frozenset[Precision] = frozenset({Precision.INT8, Precision.INT4})
# What a KV cache may be stored in.
KV_PRECISIONS: tuple[Precision, ...] = (Precision.BF16, Precision.FP16, Precision.FP8, Precision.INT8)
SECONDS_PER_MONTH = 730 * SECONDS_PER_HOUR  # 8,760 hours a year over 12 months


class Currency(StrEnum):
    USD = "USD"
    CNY = "CNY"


class Formula(StrEnum):
    """`standard` is the physics; `seed` is the seed document's own arithmetic, kept to show what it says."""

    STANDARD = "standard"
    SEED = "seed"


class FinetuneMethod(StrEnum):
    """Full fine-tuning trains every weight; LoRA trains low-rank adapters on frozen weights; QLoRA on 4-bit ones."""

    FULL = "full"
    LORA = "lora"
    QLORA = "qlora"


class Recompute(StrEnum):
    """Full activation recompute re-runs the forward pass: 8·N·D instead of 6·N·D."""

    NONE = "none"
    FULL = "full"


# A GPU's architecture: the training MFU default is fitted per generation (calc.mfu).
class Generation(StrEnum):
    VOLTA = "Volta"
    AMPERE = "Ampere"
    ADA = "Ada"
    HOPPER = "Hopper"
    BLACKWELL = "Blackwell"
    CDNA = "CDNA"
    TPU = "TPU"
