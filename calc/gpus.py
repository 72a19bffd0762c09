"""Accelerator catalog: dense peaks per precision, memory, bandwidth, board power, and where each came from.

Transcribed from shared/reference/gpus.json. NVIDIA datasheets print sparse tensor figures (2x the dense
rate); every peak here is dense, the rate a real training run can use.
"""

from pydantic import BaseModel

from calc.errors import EstimateError
from calc.model_config import FROZEN
from calc.units import TERA, Generation, Precision

P = Precision


class Accelerator(BaseModel):
    model_config = FROZEN

    id: str
    name: str
    dense_tflops: dict[Precision, float]
    memory_gb: float | None
    bandwidth_tbps: float | None
    power_w: float | None
    source: str
    # NVIDIA's datasheets print sparse tensor figures; the peaks above are those halved.
    peaks_halved_from_sparse: bool = False
    aliases: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    # GPU-to-GPU bandwidth per card, both directions summed, as datasheets print it (NVLink, Infinity Fabric, or the
    # PCIe slot for cards without either); serving charges tensor-parallel all-reduces and expert all-to-alls to it.
    interconnect_gbps: float | None = None
    interconnect_source: str = ""
    generation: Generation  # required: a GPU the MFU fit cannot place would fail every training estimate on it

    @property
    def default_precision(self) -> Precision:
        """BF16 where the part has it, else FP16 (V100); that is the peak MFU is quoted against."""
        for precision in (P.BF16, P.FP16):
            if precision in self.dense_tflops:
                return precision
        raise ValueError(f"{self.id} has no 16-bit peak")  # pragma: no cover - catalog invariant

    def peak_flops(self, precision: Precision) -> float | None:
        tflops = self.dense_tflops.get(precision)
        return None if tflops is None else tflops * TERA


_NVLINK_GENERATIONS = (
    "NVLink generations: 2.0 (Volta) 300 GB/s, 3.0 (A100) 600, 4.0 (H100) 900, 5.0 (B200) 1.8 TB/s "
    "(aiminingco.com/glossary/nvlink)"
)

CATALOG: tuple[Accelerator, ...] = (
    Accelerator(
        id="A100-80GB-SXM",
        generation=Generation.AMPERE,
        name="NVIDIA A100 80GB SXM",
        dense_tflops={P.TF32: 156, P.BF16: 312, P.FP16: 312, P.INT8: 624},
        memory_gb=80,
        bandwidth_tbps=2.039,
        power_w=400,
        source="NVIDIA A100 datasheet via glennklockwood.com/garden/processors/A100",
        peaks_halved_from_sparse=True,
        aliases=("A100", "A100-80GB", "A100-80G", "A100-SXM"),
        interconnect_gbps=600,
        interconnect_source=_NVLINK_GENERATIONS,
    ),
    Accelerator(
        id="A100-40GB-SXM",
        generation=Generation.AMPERE,
        name="NVIDIA A100 40GB SXM",
        dense_tflops={P.TF32: 156, P.BF16: 312, P.FP16: 312, P.INT8: 624},
        memory_gb=40,
        bandwidth_tbps=1.555,
        power_w=400,
        source="NVIDIA A100 datasheet r4 (nvidia.com/en-us/data-center/a100)",
        peaks_halved_from_sparse=True,
        aliases=("A100-40GB", "A100-40G", "A100-40"),
        interconnect_gbps=600,
        interconnect_source=_NVLINK_GENERATIONS,
    ),
    Accelerator(
        id="H100-SXM",
        generation=Generation.HOPPER,
        name="NVIDIA H100 SXM 80GB",
        dense_tflops={P.TF32: 494.7, P.BF16: 989.4, P.FP16: 989.4, P.FP8: 1978.9, P.INT8: 1978.9},
        memory_gb=80,
        bandwidth_tbps=3.35,
        power_w=700,
        source="NVIDIA H100 datasheet (nvidia.com/en-us/data-center/h100)",
        peaks_halved_from_sparse=True,
        aliases=("H100", "H100-80GB", "H100-SXM5"),
        interconnect_gbps=900,
        interconnect_source="H100 SXM5: 'NVLink Speed: 900 GB/sec, PCIe Gen5 Speed: 128 GB/sec' (hawkvelt.id.au/post/2024-08-04-nvidia-h100); "
        + _NVLINK_GENERATIONS,
    ),
    Accelerator(
        id="H100-PCIe",
        generation=Generation.HOPPER,
        name="NVIDIA H100 PCIe 80GB",
        dense_tflops={P.TF32: 378, P.BF16: 756.5, P.FP16: 756.5, P.FP8: 1513, P.INT8: 1513},
        memory_gb=80,
        bandwidth_tbps=2.0,
        power_w=350,
        source="NVIDIA H100 datasheet, PCIe column (secondary transcriptions)",
        peaks_halved_from_sparse=True,
        aliases=("H100-PCI",),
        flags=("secondary transcriptions of the datasheet; TDP 300-350 W configurable (350 used)",),
        interconnect_gbps=128,
        interconnect_source="PCIe Gen5 x16, 128 GB/s (hawkvelt.id.au/post/2024-08-04-nvidia-h100); an NVLink bridge joins pairs of cards only",
    ),
    Accelerator(
        id="H800-SXM",
        generation=Generation.HOPPER,
        name="NVIDIA H800 SXM 80GB",
        dense_tflops={P.TF32: 494.7, P.BF16: 989.4, P.FP16: 989.4, P.FP8: 1978.9, P.INT8: 1978.9},
        memory_gb=80,
        bandwidth_tbps=3.35,
        power_w=700,
        source="same GH100 silicon as H100 SXM, interconnect and FP64 cut (aiwiki.ai/wiki/nvidia_h800)",
        aliases=("H800",),
        flags=("unverified: no NVIDIA datasheet; tensor peaks taken equal to H100 SXM",),
        interconnect_gbps=400,
        interconnect_source="'H800 (Restricted): NVLink bandwidth is severely reduced to only 400 GB/s total aggregate bidirectional' (philisun.com, H800 vs H100)",
    ),
    Accelerator(
        id="H200-SXM",
        generation=Generation.HOPPER,
        name="NVIDIA H200 SXM 141GB",
        dense_tflops={P.TF32: 494.7, P.BF16: 989.4, P.FP16: 989.4, P.FP8: 1978.9, P.INT8: 1978.9},
        memory_gb=141,
        bandwidth_tbps=4.8,
        power_w=700,
        source="NVIDIA H200 datasheet (nvidia.com/en-us/data-center/h200)",
        peaks_halved_from_sparse=True,
        aliases=("H200", "H200-141GB"),
        interconnect_gbps=900,
        interconnect_source="'NVLink 4.0: 450GB/s unidirectional bandwidth, 900GB/s bidirectional bandwidth' (saulelectric.com/nvidia-h200); 18 links x 50 GB/s",
    ),
    Accelerator(
        id="H20",
        generation=Generation.HOPPER,
        name="NVIDIA H20 96GB",
        dense_tflops={P.TF32: 74, P.BF16: 148, P.FP16: 148, P.FP8: 296, P.INT8: 296},
        memory_gb=96,
        bandwidth_tbps=4.0,
        power_w=400,
        source="press and secondary sources (tweaktown.com/news/95224; zangshuxian.com)",
        aliases=("H20-96GB",),
        flags=("no public NVIDIA datasheet; dense figures inferred from the 6.68x ratio to H100 SXM",),
    ),
    Accelerator(
        id="B200-HGX",
        generation=Generation.BLACKWELL,
        name="NVIDIA B200 (HGX, 1000 W) 180GB",
        dense_tflops={P.TF32: 1100, P.BF16: 2250, P.FP16: 2250, P.FP8: 4500, P.INT8: 4500, P.FP4: 9000},
        memory_gb=180,
        bandwidth_tbps=8.0,
        power_w=1000,
        source="NVIDIA DGX/HGX B200 datasheet via glennklockwood.com/garden/processors/B200",
        peaks_halved_from_sparse=True,
        aliases=("B200",),
        interconnect_gbps=1800,
        interconnect_source=_NVLINK_GENERATIONS,
    ),
    Accelerator(
        id="GB200",
        generation=Generation.BLACKWELL,
        name="NVIDIA GB200 (one Blackwell GPU of an NVL72 / NVL4 system, 1200 W) 186GB",
        dense_tflops={P.TF32: 1250, P.BF16: 2500, P.FP16: 2500, P.FP8: 5000, P.INT8: 5000, P.FP4: 10000},
        memory_gb=186,
        bandwidth_tbps=8.0,
        power_w=1200,
        source="NVIDIA GB200 NVL72 datasheet, 'Individual Blackwell GPU Specifications': FP4 20 PFLOPS, FP8/FP6 10, "
        "INT8 10 POPS, FP16/BF16 5, TF32 2.5 (sparse), '186GB HBM3E | 8TB/s', 'Configurable up to 1,200W' "
        "(reproduced at zdszero.github.io/Computer/Artificial_Intelligence/Hardware.html); the GB200 bin at 1,200 W: "
        "TF32 1250, BF16 2500, FP8 5000, FP4 10000 dense (glennklockwood.com/garden/processors/B200); "
        "shared/reference/gpus.json B200 notes",
        peaks_halved_from_sparse=True,
        aliases=("GB200-NVL72", "GB200-NVL4", "GB200-186GB"),
        flags=("per GPU: a GB200 superchip is one Grace CPU and two of these GPUs",),
        interconnect_gbps=1800,
        interconnect_source="GB200 NVL72 datasheet: 'Interconnect: 5th Generation NVLink: 1.8TB/s' per GPU, "
        "'Total NVLink Bandwidth 130TB/s' for 72 GPUs; " + _NVLINK_GENERATIONS,
    ),
    Accelerator(
        id="L40S",
        generation=Generation.ADA,
        name="NVIDIA L40S 48GB",
        dense_tflops={P.TF32: 183, P.BF16: 362.05, P.FP16: 362.05, P.FP8: 733, P.INT8: 733},
        memory_gb=48,
        bandwidth_tbps=0.864,
        power_w=350,
        source="NVIDIA L40S datasheet table (reseller reproduction)",
        peaks_halved_from_sparse=True,
        flags=("INT8 dense 733 TOPS unverified",),
        interconnect_gbps=64,
        interconnect_source="L40S datasheet: 'Interconnect Interface | PCIe Gen4 x16: 64GB/s bidirectional', 'NVLink is not supported' (itcreations.com, mullet.se)",
    ),
    Accelerator(
        id="L4",
        generation=Generation.ADA,
        name="NVIDIA L4 24GB",
        dense_tflops={P.TF32: 60, P.BF16: 121, P.FP16: 121, P.FP8: 242.5, P.INT8: 242.5},
        memory_gb=24,
        bandwidth_tbps=0.3,
        power_w=72,
        source="NVIDIA L4 datasheet (secondary quotations)",
        peaks_halved_from_sparse=True,
        interconnect_gbps=64,
        interconnect_source="PCIe Gen4 x16 card, no NVLink: 64 GB/s bidirectional, the figure the L40S datasheet prints for the same slot",
    ),
    Accelerator(
        id="A10",
        generation=Generation.AMPERE,
        name="NVIDIA A10 24GB",
        dense_tflops={P.TF32: 62.5, P.BF16: 125, P.FP16: 125, P.INT8: 250},
        memory_gb=24,
        bandwidth_tbps=0.6,
        power_w=150,
        source="NVIDIA A10 datasheet (BF16 125 | 250*)",
        peaks_halved_from_sparse=True,
        aliases=("A10-24GB",),
        flags=("TF32/INT8 and 150 W partially unverified; AWS A10G is a different, slower part",),
        interconnect_gbps=64,
        interconnect_source="PCIe Gen4 x16 card, no NVLink in inference servers: 64 GB/s bidirectional, as the L40S datasheet prints for the same slot",
    ),
    Accelerator(
        id="V100-SXM2",
        generation=Generation.VOLTA,
        name="NVIDIA V100 SXM2 32GB",
        dense_tflops={P.FP16: 125},
        memory_gb=32,
        bandwidth_tbps=0.9,
        power_w=300,
        source="NVIDIA V100 datasheet: 125 tensor TFLOPS (FP16), 300 W (developer.nvidia.com)",
        aliases=("V100", "V100-32GB", "V100-SXM"),
        flags=("no BF16 on Volta: FP16 tensor is the peak",),
        interconnect_gbps=300,
        interconnect_source=_NVLINK_GENERATIONS,
    ),
    Accelerator(
        id="RTX-4090",
        generation=Generation.ADA,
        name="NVIDIA GeForce RTX 4090 24GB",
        dense_tflops={P.TF32: 82.6, P.BF16: 165.2, P.FP16: 165.2, P.FP8: 330.3, P.INT8: 660.6},
        memory_gb=24,
        bandwidth_tbps=1.008,
        power_w=450,
        source="NVIDIA Ada whitepaper, appendix A (FP32-accumulate rates, which training uses)",
        aliases=("4090", "RTX4090", "GeForce-RTX-4090"),
        flags=("GeForce runs FP16/FP8 with FP32 accumulate at half rate; those rates are used",),
        interconnect_gbps=64,
        interconnect_source="PCIe 4.0 x16 card without NVLink: 64 GB/s bidirectional, as the L40S datasheet prints for the same slot",
    ),
    Accelerator(
        id="MI300X",
        generation=Generation.CDNA,
        name="AMD Instinct MI300X 192GB",
        dense_tflops={P.TF32: 653.7, P.BF16: 1307.4, P.FP16: 1307.4, P.FP8: 2614.9, P.INT8: 2614.9},
        memory_gb=192,
        bandwidth_tbps=5.3,
        power_w=750,
        source="AMD MI300X specifications (dense, as AMD quotes them), consistent across 3 secondary sources",
        aliases=("AMD-MI300X",),
        interconnect_gbps=896,
        interconnect_source="7 Infinity Fabric links per GPU, fully meshing 8 GPUs, 'up to 128 GB/s bidirectional per link' (emergentmind.com/topics/amd-mi300x-gpu): 7 x 128",
    ),
    Accelerator(
        id="MI325X",
        generation=Generation.CDNA,
        name="AMD Instinct MI325X 256GB",
        dense_tflops={P.TF32: 653.7, P.BF16: 1307.4, P.FP16: 1307.4, P.FP8: 2614.9, P.INT8: 2614.9},
        memory_gb=256,
        bandwidth_tbps=6.0,
        power_w=1000,
        source="AMD MI325X: same compute as MI300X, 256 GB HBM3E at 6 TB/s (press coverage)",
        aliases=("AMD-MI325X",),
        flags=("1000 W board power seen only in a secondary source",),
        interconnect_gbps=896,
        interconnect_source="'Seven Infinity Fabric links ensuring full connectivity between eight GPUs' (wiaix.com, AMD MI325X), 128 GB/s each as on MI300X: 7 x 128",
    ),
    Accelerator(
        id="TPU-v5e",
        generation=Generation.TPU,
        name="Google TPU v5e (per chip)",
        dense_tflops={P.BF16: 197, P.INT8: 393},
        memory_gb=16,
        bandwidth_tbps=0.819,
        power_w=None,
        source="Google Cloud TPU v5e documentation (docs.cloud.google.com/tpu/docs/v5e)",
        aliases=("v5e", "TPUv5e", "TPU-v5-lite"),
        flags=("Google does not publish TPU board power",),
    ),
    Accelerator(
        id="TPU-v5p",
        generation=Generation.TPU,
        name="Google TPU v5p (per chip)",
        dense_tflops={P.BF16: 459},
        memory_gb=95,
        bandwidth_tbps=2.765,
        power_w=None,
        source="Google Cloud TPU v5p documentation (docs.cloud.google.com/tpu/docs/v5p-training)",
        aliases=("v5p", "TPUv5p"),
        flags=("Google does not publish TPU board power",),
    ),
    Accelerator(
        id="TPU-v4",
        generation=Generation.TPU,
        name="Google TPU v4 (per chip)",
        dense_tflops={P.BF16: 275, P.INT8: 275},
        memory_gb=32,
        bandwidth_tbps=1.2,
        power_w=None,
        source="Google Cloud TPU v4 documentation (docs.cloud.google.com/tpu/docs/v4)",
        aliases=("v4", "TPUv4"),
        flags=("Google publishes measured power (mean 170 W), not board power",),
    ),
    Accelerator(
        id="TPU-v3",
        generation=Generation.TPU,
        name="Google TPU v3 (per chip)",
        dense_tflops={P.BF16: 123},
        memory_gb=None,
        bandwidth_tbps=None,
        power_w=450,
        source="Patterson et al. 2021, Table 4 (123 TFLOPS, 450 W), as quoted by a curated dataset",
        aliases=("v3", "TPUv3"),
        flags=("secondary; memory and bandwidth not in the reference",),
    ),
)

DEFAULT_GPU_ID = "A100-80GB-SXM"


# Dropped from a name before it is looked up (str.translate: every estimate looks up GPUs, a regex cost 10 µs each).
# Whitespace is every character Python calls so (what `\s` matched), the last of them U+3000, the ideographic space;
# written out, not found by testing 12,289 characters at every start (a test holds it to str.isspace).
WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680"
    "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_NOT_DISTINGUISHING = str.maketrans("", "", "_-" + WHITESPACE)


def _key(name: str) -> str:
    """Case, spaces, dashes and underscores do not distinguish parts: `h100`, `H-100` and `H100` are one."""
    return name.translate(_NOT_DISTINGUISHING).lower()


_BY_KEY: dict[str, Accelerator] = {_key(name): gpu for gpu in CATALOG for name in (gpu.id, *gpu.aliases)}
# Each id and alias as written, to the part its key finds: the engine looks up ids (two or three times an estimate),
# which need no translating (its ~35-character table is most of a lookup's cost).
_BY_NAME: dict[str, Accelerator] = {name: _BY_KEY[_key(name)] for gpu in CATALOG for name in (gpu.id, *gpu.aliases)}


def find_gpu(name: str) -> Accelerator | None:
    """The catalog part a user's word names, or None."""
    return _BY_NAME.get(name) or _BY_KEY.get(_key(name))


def get_gpu(name: str) -> Accelerator:
    """The part an id or alias names; the engine's callers may pass either."""
    gpu = find_gpu(name)
    if gpu is None:
        raise EstimateError("unknown_gpu", word=name)
    return gpu
