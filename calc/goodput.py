"""Goodput: the share of a run's wall-clock time that advances training (the rest is failures, restarts, checkpoints).

The model, one line: lost share = checkpoint share + interruptions per GPU-hour x GPUs x hours lost per interruption,
plus a fixed start-up per run, so goodput falls with cluster size and (slightly) with a shorter run:

    goodput = T (1 - CHECKPOINT_SHARE - RATE x N x HOURS_LOST) / (T + START_UP_HOURS)     (T: productive hours)

Calibrated on the published reports in calc/data/training_runs.json's "goodput_evidence"; EVIDENCE_USE below says,
for each, whether and how it is used and why. Checkpoint overhead is included: the Llama 3 paper's "effective
training time" counts checkpoint writes as time not spent training.
"""

import math

# Llama 3 405B pre-training: 466 interruptions (47 planned, 419 unexpected) in a 54-day snapshot on up to 16,384 H100.
INTERRUPTIONS_PER_GPU_HOUR = 466 / (16_384 * 54 * 24)
# Olmo Hybrid 7B: 97% active training time on 512 B200 over 7 days, where interruptions barely register; taken as
# the share lost at any size to checkpoints and evaluation pauses (a weak, secondary figure: see EVIDENCE_USE).
CHECKPOINT_SHARE = 0.03
# An assumption, not a published figure: launching the job, loading the first checkpoint, warming up, once a run.
START_UP_HOURS = 0.5
# Llama 3: "higher than 90% effective training time" at 16,384 GPUs over a 54-day snapshot (taken as exactly 90%).
_LLAMA3_GOODPUT, _LLAMA3_GPUS, _LLAMA3_HOURS = 0.90, 16_384, 54 * 24
# Hours lost per interruption (restart plus the work since the last checkpoint), solved from Llama 3's 90%:
# about 11.6 minutes, the order of MegaScale's "<10 minutes to detect and diagnose, <=15 to catch up".
HOURS_LOST_PER_INTERRUPTION = (1 - _LLAMA3_GOODPUT - CHECKPOINT_SHARE - START_UP_HOURS / _LLAMA3_HOURS) / (
    INTERRUPTIONS_PER_GPU_HOUR * _LLAMA3_GPUS
)
NODE_GPUS = 8


def whole_nodes(gpus: float) -> int:
    """`gpus` rounded up to whole 8-GPU nodes, one node at least."""
    return max(NODE_GPUS, math.ceil(gpus / NODE_GPUS) * NODE_GPUS)


# Beyond the published scale the linear model would reach zero; it is held at this floor and the reply says so.
GOODPUT_FLOOR = 0.05
PUBLISHED_MAX_GPUS = 16_384

EVIDENCE_USE: dict[str, str] = {
    "Llama 3 405B pre-training (Meta)": "used: interruptions per GPU-hour (466 in 54 days on 16,384 GPUs) and the "
    "90% effective time that fixes the hours lost per interruption; primary source, largest published run",
    "MegaScale production run (ByteDance)": "check only: '>90%' at >10,000 GPUs agrees with the model (it gives "
    "about 93% at 10,000); a lower bound with no GPU count or duration to fit on",
    "OPT-175B (Meta)": "not used: no effective-time ratio; 33 ideal days against ~2 months elapsed mixes failures "
    "with divergence rollbacks and a 2021 stack",
    "Gemini (largest-scale training job, Google)": "not used: 85% -> 97% with in-memory replicas on TPU pods of "
    "unstated size, so nothing to scale by cluster size",
    "PaLM 540B (Google)": "not used: its chip-hours include downtime and repeated steps, but no split is given",
    "MPT-7B (MosaicML)": "check only: 4 hardware failures in 440 GPUs x 9.5 days; the Llama 3 rate predicts 2.2",
    "BLOOM 176B (BigScience)": "check only (weak, via summaries): 1-2 GPU failures a week on 384 GPUs is "
    "1.5-3.1e-5 per GPU-hour, around the Llama 3 rate of 2.2e-5",
    "Meta RSC-1 / RSC-2 research clusters (fleet study)": "not used for the rate: research clusters with every "
    "user's job (MTTF 7.9 h at 1,024 GPUs, 6x the production rate); its ~0.9 ETTR above 1,024 GPUs agrees",
    "DeepSeek-V3 pre-training (DeepSeek)": "not used: no failure statistics; 55 derived days against 'less than "
    "two months' cannot separate downtime",
    "Olmo Hybrid 7B (Ai2 / Lambda)": "used (weak, secondary summary): 97% active time at 512 GPUs sets the "
    "checkpoint and pause share that remains when interruptions are rare",
}


def _lost_per_hour(gpus: int) -> float:
    return CHECKPOINT_SHARE + INTERRUPTIONS_PER_GPU_HOUR * gpus * HOURS_LOST_PER_INTERRUPTION


def goodput(gpus: int, productive_hours: float) -> float:
    """The share of wall-clock that trains, for `gpus` GPUs needing `productive_hours` of uninterrupted time."""
    share = productive_hours * (1 - _lost_per_hour(gpus)) / (productive_hours + START_UP_HOURS)
    return max(share, GOODPUT_FLOOR)


def goodput_of_elapsed(gpus: int, elapsed_hours: float) -> float:
    """The same model read from a published run's elapsed wall-clock rather than its productive time."""
    return max(1 - _lost_per_hour(gpus) - START_UP_HOURS / elapsed_hours, GOODPUT_FLOOR)
