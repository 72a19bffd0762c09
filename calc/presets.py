"""Named models that stand for params and tokens: `train gpt3` is `train 175B 500B`.

Values from the models' papers and model cards; GPT-3/GPT-4 figures are the seed document's (GPT-4's are
public estimates, never confirmed by OpenAI). Where a run's own GPU-hours were published, they are kept so
a reply can set the estimate beside what really happened.
"""

import re

from pydantic import BaseModel, ConfigDict

from calc.units import TERA


class ReportedRun(BaseModel):
    model_config = ConfigDict(frozen=True)

    gpu_id: str
    gpu_hours: float
    source: str


class ModelPreset(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    title: str
    params: float
    active_params: float | None = None
    tokens: float | None
    source: str
    reported: ReportedRun | None = None


B = 1e9
T = TERA

PRESETS: tuple[ModelPreset, ...] = (
    ModelPreset(
        name="gpt3",
        title="GPT-3 175B",
        params=175 * B,
        tokens=500 * B,
        source="the seed document (the GPT-3 paper itself trained on 300B tokens)",
    ),
    ModelPreset(
        name="gpt4",
        title="GPT-4 (estimated)",
        params=1800 * B,
        tokens=13 * T,
        source="the seed document; public estimates, not confirmed by OpenAI",
    ),
    ModelPreset(
        name="gpt4-turbo",
        title="GPT-4 Turbo (8x222B, estimated)",
        params=8 * 222 * B,
        tokens=13 * T,
        source="the seed document; public estimates, not confirmed by OpenAI",
    ),
    ModelPreset(
        name="llama2-7b",
        title="Llama 2 7B",
        params=7 * B,
        tokens=2 * T,
        source="Llama 2 paper (Touvron et al. 2023), Table 2",
        reported=ReportedRun(gpu_id="A100-80GB-SXM", gpu_hours=184_320, source="Llama 2 paper, Table 2"),
    ),
    ModelPreset(
        name="llama2-13b",
        title="Llama 2 13B",
        params=13 * B,
        tokens=2 * T,
        source="Llama 2 paper (Touvron et al. 2023), Table 2",
        reported=ReportedRun(gpu_id="A100-80GB-SXM", gpu_hours=368_640, source="Llama 2 paper, Table 2"),
    ),
    ModelPreset(
        name="llama2-70b",
        title="Llama 2 70B",
        params=70 * B,
        tokens=2 * T,
        source="Llama 2 paper (Touvron et al. 2023), Table 2",
        reported=ReportedRun(gpu_id="A100-80GB-SXM", gpu_hours=1_720_320, source="Llama 2 paper, Table 2"),
    ),
    ModelPreset(
        name="llama-65b",
        title="LLaMA 65B",
        params=65.2 * B,
        tokens=1.4 * T,
        source="LLaMA paper (Touvron et al. 2023), Tables 2 and 15",
        reported=ReportedRun(gpu_id="A100-80GB-SXM", gpu_hours=1_022_362, source="LLaMA paper, Table 15"),
    ),
    ModelPreset(
        name="llama3.1-8b",
        title="Llama 3.1 8B",
        params=8 * B,
        tokens=15 * T,
        source="Llama 3.1 model card (~15T tokens)",
        reported=ReportedRun(gpu_id="H100-SXM", gpu_hours=1_460_000, source="Llama 3.1 model card"),
    ),
    ModelPreset(
        name="llama3.1-70b",
        title="Llama 3.1 70B",
        params=70 * B,
        tokens=15 * T,
        source="Llama 3.1 model card (~15T tokens)",
        reported=ReportedRun(gpu_id="H100-SXM", gpu_hours=7_000_000, source="Llama 3.1 model card"),
    ),
    ModelPreset(
        name="llama3.1-405b",
        title="Llama 3.1 405B",
        params=405 * B,
        tokens=15.6 * T,
        source="The Llama 3 Herd of Models (2024): 405B parameters on 15.6T tokens",
        reported=ReportedRun(gpu_id="H100-SXM", gpu_hours=30_840_000, source="Llama 3.1 model card"),
    ),
    ModelPreset(
        name="deepseek-v3",
        title="DeepSeek-V3 (MoE)",
        params=671 * B,
        active_params=37 * B,
        tokens=14.8 * T,
        source="DeepSeek-V3 Technical Report (2024): 671B total, 37B activated, 14.8T tokens",
        reported=ReportedRun(
            gpu_id="H800-SXM",
            gpu_hours=2_664_000,
            source="DeepSeek-V3 Technical Report, Table 1 (pre-training; FP8 mixed precision)",
        ),
    ),
    ModelPreset(
        name="mixtral-8x7b",
        title="Mixtral 8x7B (MoE)",
        params=46.7 * B,
        active_params=12.9 * B,
        tokens=None,
        source="Mixtral of Experts (Jiang et al. 2024): 46.7B total, 12.9B active; training tokens not disclosed",
    ),
    ModelPreset(
        name="palm-540b",
        title="PaLM 540B",
        params=540 * B,
        tokens=780 * B,
        source="PaLM paper (Chowdhery et al. 2022): 780B tokens on TPU v4, 46.2% MFU",
    ),
    ModelPreset(
        name="chinchilla-70b",
        title="Chinchilla 70B",
        params=70 * B,
        tokens=1.4 * T,
        source="Training Compute-Optimal LLMs (Hoffmann et al. 2022)",
    ),
    ModelPreset(
        name="bloom-176b",
        title="BLOOM 176B",
        params=176 * B,
        tokens=366 * B,
        source="BLOOM paper (BigScience 2022): 366B tokens on A100 80GB",
        reported=ReportedRun(
            gpu_id="A100-80GB-SXM",
            gpu_hours=1_082_990,
            source="Luccioni et al. 2022, Estimating the Carbon Footprint of BLOOM",
        ),
    ),
)


def _key(name: str) -> str:
    return re.sub(r"[\s_]", "-", name.strip().lower())


_BY_NAME: dict[str, ModelPreset] = {_key(preset.name): preset for preset in PRESETS}


def find_preset(name: str) -> ModelPreset | None:
    return _BY_NAME.get(_key(name))
