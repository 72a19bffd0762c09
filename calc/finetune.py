"""Fine-tuning: what each method computes and holds in memory, as stated approximations.

- full: every weight trains, as in pre-training: 6·N·D FLOPs, 16 bytes per parameter (mixed-precision Adam:
  bf16 weights and gradients, 2+2, plus fp32 master weights, momentum and variance, 4+4+4).
- LoRA: the weights are frozen, so their gradients are never formed: the forward pass (2·N·D) and the
  activation gradients through them (2·N·D) remain, 4·N·D, plus 6 FLOPs per adapter parameter per token.
  Memory: the frozen weights in bf16 (2 bytes each) and the adapters with their Adam state (16 bytes each).
- QLoRA: LoRA on weights stored in 4-bit NF4 with double-quantized constants, 4.127 bits per weight (Dettmers et
  al. 2023); dequantizing them each step costs time that is not counted.
Activations are not counted for any method: they depend on batch, sequence length and checkpointing.
"""

from calc.units import FinetuneMethod

LORA_RANK = 16
# Adapters on every linear map (q, k, v, o, and the two FFN matrices of width 4d): r·(d_in + d_out) each, 18·r·d a
# layer, against 12·d² weights a layer: 1.5·r/d of the parameters. The width d of a typical dense shape
# (layers = d/128, as Llama 2 7B: 32 layers of 4096) holding N parameters: N = 12·(d/128)·d², d = (N/0.09375)^(1/3).
_PARAMS_PER_WIDTH_CUBED = 12 / 128
# NF4 with double quantization: 4 bits a weight plus its share of the quantization constants.
QLORA_BITS_PER_PARAM = 4.127
BASE_BYTES_PER_PARAM: dict[FinetuneMethod, float] = {
    FinetuneMethod.FULL: 16.0,
    FinetuneMethod.LORA: 2.0,
    FinetuneMethod.QLORA: QLORA_BITS_PER_PARAM / 8,
}
ADAPTER_BYTES_PER_PARAM = 16.0
# What the fine-tuning notes and help state, from the constants above rather than spelled in each language.
FINETUNE_NOTE_VALUES: dict[str, str | float | int] = {
    "state_bytes": f"{BASE_BYTES_PER_PARAM[FinetuneMethod.FULL]:g}",
    "rank": LORA_RANK,
    "bits": f"{QLORA_BITS_PER_PARAM:g}",
}


def typical_width(params: float) -> float:
    return float((params / _PARAMS_PER_WIDTH_CUBED) ** (1 / 3))


def adapter_params(params: float, method: FinetuneMethod) -> float:
    """Rank-16 adapters on every linear layer of a typical shape this size; none for full fine-tuning."""
    if method is FinetuneMethod.FULL:
        return 0.0
    return params * 1.5 * LORA_RANK / typical_width(params)


def flops_per_param_token(method: FinetuneMethod) -> int:
    """6 with weight gradients (full), 4 without (frozen weights: forward and activation gradients only)."""
    return 6 if method is FinetuneMethod.FULL else 4


def state_bytes(params: float, method: FinetuneMethod) -> float:
    """Weights, gradients and optimizer state that must sit in GPU memory (activations not counted)."""
    return params * BASE_BYTES_PER_PARAM[method] + adapter_params(params, method) * ADAPTER_BYTES_PER_PARAM
