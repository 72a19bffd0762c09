"""Named models that stand for params and tokens: `train gpt3` is `train 175B 500B`.

Values from the models' papers and model cards; GPT-3/GPT-4 figures are the seed document's (GPT-4's are
public estimates, never confirmed by OpenAI). Where a run's own GPU-hours were published, they are kept so
a reply can set the estimate beside what really happened.
"""

import re

from pydantic import BaseModel

from calc.model_config import FROZEN
from calc.units import TERA


class ReportedRun(BaseModel):
    model_config = FROZEN

    gpu_id: str
    gpu_hours: float
    source: str
    run: str | None = None  # the run's `model` in calc/data/training_runs.json


class ModelPreset(BaseModel):
    model_config = FROZEN

    name: str
    title: str
    params: float
    active_params: float | None = None
    tokens: float | None
    source: str
    reported: ReportedRun | None = None
    aliases: tuple[str, ...] = ()


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
        reported=ReportedRun(
            gpu_id="A100-80GB-SXM", gpu_hours=184_320, source="Llama 2 paper, Table 2", run="Llama 2 7B"
        ),
    ),
    ModelPreset(
        name="llama2-13b",
        title="Llama 2 13B",
        params=13 * B,
        tokens=2 * T,
        source="Llama 2 paper (Touvron et al. 2023), Table 2",
        reported=ReportedRun(
            gpu_id="A100-80GB-SXM", gpu_hours=368_640, source="Llama 2 paper, Table 2", run="Llama 2 13B"
        ),
    ),
    ModelPreset(
        name="llama2-70b",
        title="Llama 2 70B",
        params=70 * B,
        tokens=2 * T,
        source="Llama 2 paper (Touvron et al. 2023), Table 2",
        reported=ReportedRun(
            gpu_id="A100-80GB-SXM", gpu_hours=1_720_320, source="Llama 2 paper, Table 2", run="Llama 2 70B"
        ),
    ),
    ModelPreset(
        name="llama-65b",
        title="LLaMA 65B",
        params=65.2 * B,
        tokens=1.4 * T,
        source="LLaMA paper (Touvron et al. 2023), Tables 2 and 15",
        reported=ReportedRun(
            gpu_id="A100-80GB-SXM", gpu_hours=1_022_362, source="LLaMA paper, Table 15", run="LLaMA 65B"
        ),
    ),
    ModelPreset(
        name="llama3.1-8b",
        title="Llama 3.1 8B",
        params=8 * B,
        tokens=15 * T,
        source="Llama 3.1 model card (~15T tokens)",
        aliases=("llama-3.1-8b",),
        reported=ReportedRun(gpu_id="H100-SXM", gpu_hours=1_460_000, source="Llama 3.1 model card", run="Llama 3.1 8B"),
    ),
    ModelPreset(
        name="llama3.1-70b",
        title="Llama 3.1 70B",
        params=70 * B,
        tokens=15 * T,
        source="Llama 3.1 model card (~15T tokens)",
        aliases=("llama-3.1-70b",),
        reported=ReportedRun(
            gpu_id="H100-SXM", gpu_hours=7_000_000, source="Llama 3.1 model card", run="Llama 3.1 70B"
        ),
    ),
    ModelPreset(
        name="llama3.1-405b",
        title="Llama 3.1 405B",
        params=405 * B,
        tokens=15.6 * T,
        source="The Llama 3 Herd of Models (2024): 405B parameters on 15.6T tokens",
        reported=ReportedRun(
            gpu_id="H100-SXM", gpu_hours=30_840_000, source="Llama 3.1 model card", run="Llama 3.1 405B"
        ),
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
            run="DeepSeek-V3",
        ),
    ),
    ModelPreset(
        name="llama3-8b",
        title="Llama 3 8B",
        params=8.03 * B,
        tokens=15 * T,
        source="Llama 3 model card (8B, over 15T tokens); params from its config (3 significant figures)",
        aliases=("llama-3-8b", "llama3"),
    ),
    ModelPreset(
        name="llama3-70b",
        title="Llama 3 70B",
        params=70.6 * B,
        tokens=15 * T,
        source="Llama 3 model card (70B, over 15T tokens); params from its config (3 significant figures)",
        aliases=("llama-3-70b",),
    ),
    ModelPreset(
        name="llama3.3-70b",
        title="Llama 3.3 70B",
        params=70.6 * B,
        tokens=15 * T,
        source="Llama 3.3 model card (70B, ~15T tokens of pretraining); params from its config (3 significant figures)",
        aliases=("llama-3.3-70b", "llama3.3"),
    ),
    ModelPreset(
        name="mixtral-8x22b",
        title="Mixtral 8x22B (MoE)",
        params=140.6 * B,
        active_params=39.2 * B,
        tokens=None,
        source="Mixtral 8x22B config (141B total, 39B active); training tokens not disclosed",
    ),
    ModelPreset(
        name="qwen2.5-7b",
        title="Qwen2.5 7B",
        params=7.62 * B,
        tokens=18 * T,
        source="Qwen2.5 Technical Report (2024): 18T tokens of pretraining; params from its config (3 significant figures)",
        aliases=("qwen-2.5-7b", "qwen2.5"),
    ),
    ModelPreset(
        name="qwen2.5-72b",
        title="Qwen2.5 72B",
        params=72.7 * B,
        tokens=18 * T,
        source="Qwen2.5 Technical Report (2024): 18T tokens of pretraining; params from its config (3 significant figures)",
        aliases=("qwen-2.5-72b",),
    ),
    ModelPreset(
        name="deepseek-r1",
        title="DeepSeek-R1 (MoE)",
        params=671 * B,
        active_params=37 * B,
        tokens=None,
        source="DeepSeek-R1 (2025): post-trained from DeepSeek-V3 (671B total, 37B activated)",
        aliases=("r1",),
    ),
    ModelPreset(
        name="gemma2-27b",
        title="Gemma 2 27B",
        params=27.2 * B,
        tokens=13 * T,
        source="Gemma 2 paper (2024): the 27B model trained on 13T tokens; params from its config (3 significant figures)",
        aliases=("gemma-2-27b",),
    ),
    ModelPreset(
        name="mistral-7b",
        title="Mistral 7B",
        params=7.24 * B,
        tokens=None,
        source="Mistral 7B config (v0.1); training tokens not disclosed",
        aliases=("mistral",),
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
        name="qwen3-8b",
        title="Qwen3 8B",
        params=8.19 * B,
        tokens=36 * T,
        source="Qwen3 Technical Report (2025): 36T tokens of pretraining; params from its config (3 significant figures)",
        aliases=("qwen-3-8b",),
    ),
    ModelPreset(
        name="qwen3-32b",
        title="Qwen3 32B",
        params=32.8 * B,
        tokens=36 * T,
        source="Qwen3 Technical Report (2025): 36T tokens of pretraining; params from its config (3 significant figures)",
        aliases=("qwen-3-32b",),
    ),
    ModelPreset(
        name="qwen3-30b",
        title="Qwen3-30B-A3B (MoE)",
        params=30.5 * B,
        active_params=3.35 * B,
        tokens=36 * T,
        source="Qwen3 Technical Report (2025): 30B total, 3B activated, 36T tokens; params from its config",
        aliases=("qwen3-30b-a3b", "qwen-3-30b-a3b"),
    ),
    ModelPreset(
        name="qwen3-235b",
        title="Qwen3-235B-A22B (MoE)",
        params=235 * B,
        active_params=22.2 * B,
        tokens=36 * T,
        source="Qwen3 Technical Report (2025): 235B total, 22B activated, 36T tokens; params from its config",
        aliases=("qwen3-235b-a22b", "qwen-3-235b-a22b", "qwen3"),
    ),
    ModelPreset(
        name="llama4-scout",
        title="Llama 4 Scout (MoE, 17B active)",
        params=108 * B,
        active_params=17.2 * B,
        tokens=40 * T,
        source="Llama 4 model card (17B active, 109B total, ~40T tokens); 108B counted from its text config, no vision encoder",
        aliases=("llama-4-scout", "llama-4-scout-17b-16e"),
    ),
    ModelPreset(
        name="llama4-maverick",
        title="Llama 4 Maverick (MoE, 17B active)",
        params=401 * B,
        active_params=17.2 * B,
        tokens=22 * T,
        source="Llama 4 model card (17B active, 400B total, ~22T tokens); params from its config",
        aliases=("llama-4-maverick", "llama-4-maverick-17b-128e"),
    ),
    ModelPreset(
        name="gpt-oss-120b",
        title="gpt-oss-120b (MoE)",
        params=116.8 * B,
        active_params=5.71 * B,
        tokens=None,
        source="gpt-oss model card (OpenAI 2025): 116.8B total; active 5.1B without the input embedding, 5.71B with it "
        "(from its config); training tokens not disclosed",
        aliases=("gptoss-120b",),
    ),
    ModelPreset(
        name="gpt-oss-20b",
        title="gpt-oss-20b (MoE)",
        params=20.9 * B,
        active_params=4.19 * B,
        tokens=None,
        source="gpt-oss model card (OpenAI 2025): 20.9B total; active 3.6B without the input embedding, 4.19B with it "
        "(from its config); training tokens not disclosed",
        aliases=("gptoss-20b",),
    ),
    ModelPreset(
        name="falcon-180b",
        title="Falcon 180B",
        params=179 * B,
        tokens=3.5 * T,
        source="The Falcon Series of Open Language Models (Almazrouei et al. 2023): 180B on 3.5T tokens; params from its "
        "config (3 significant figures)",
        aliases=("falcon",),
    ),
    ModelPreset(
        name="gemma2-9b",
        title="Gemma 2 9B",
        params=9.24 * B,
        tokens=8 * T,
        source="Gemma 2 paper (2024): the 9B model trained on 8T tokens; params from its config (3 significant figures)",
        aliases=("gemma-2-9b",),
    ),
    ModelPreset(
        name="phi-3-mini",
        title="Phi-3-mini (3.8B)",
        params=3.82 * B,
        tokens=3.3 * T,
        source="Phi-3 Technical Report (Abdin et al. 2024): 3.8B on 3.3T tokens; params from its config (3 significant "
        "figures)",
        aliases=("phi3-mini", "phi-3.5-mini"),
    ),
    ModelPreset(
        name="palm-540b",
        title="PaLM 540B",
        params=540 * B,
        tokens=780 * B,
        source="PaLM paper (Chowdhery et al. 2022): 780B tokens on TPU v4, 46.2% MFU",
        reported=ReportedRun(
            gpu_id="TPU-v4", gpu_hours=8_404_992, source="PaLM paper, appendix (chip-hours)", run="PaLM 540B"
        ),
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
            run="BLOOM 176B",
        ),
    ),
)


def _key(name: str) -> str:
    return re.sub(r"[\s_]", "-", name.strip().lower())


_BY_NAME: dict[str, ModelPreset] = {_key(name): preset for preset in PRESETS for name in (preset.name, *preset.aliases)}


def find_preset(name: str) -> ModelPreset | None:
    return _BY_NAME.get(_key(name))
