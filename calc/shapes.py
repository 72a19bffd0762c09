"""Model architectures, for what serving reads and holds: the KV cache, attention FLOPs, experts touched.

calc/data/model_shapes.json holds each preset's shape read from its config (its "schema" string says how every
field was read), and for a bare parameter count a typical dense GQA shape per size, copied from a real model.
"""

import math
from functools import cache, cached_property
from typing import Literal

from pydantic import BaseModel, Field

from calc.data_files import packaged
from calc.model_config import FROZEN


class Shape(BaseModel):
    """What the serving model needs of an architecture; both the presets and the typical rows have these."""

    model_config = FROZEN  # pydantic ignores unknown keys by default: model_shapes.json carries more than is read

    params: int
    layers: int
    hidden_size: int
    attention_heads: int
    kv_heads: int
    head_dim: int
    attention: Literal["mha", "gqa", "mqa", "mla"]
    kv_values_per_token_per_layer: int
    max_context: int
    sliding_window: int | None = None
    sliding_window_pattern: str | None = None
    experts: int | None = None
    experts_per_token: int | None = None
    kv_lora_rank: int | None = None  # MLA: the compressed latent each token caches (plus its rope part)
    dense_layers: int | None = None  # MoE: layers with a dense FFN, no experts (DeepSeek's first 3, Maverick's 24)
    source: str | list[str]

    @property
    def windowed_layers(self) -> int:
        """Layers whose attention looks back at most `sliding_window` tokens (they cache no more than that).

        A window with no pattern covers every layer (Mistral 7B v0.1, Phi-3-mini); the data's two patterns are an
        alternation, local then global (Gemma 2, gpt-oss), so half the layers, and Llama 4's chunked attention on 3
        of every 4 layers (a chunk caches at most its length, as a window of that length does).
        """
        if self.sliding_window is None:
            return 0
        if self.sliding_window_pattern is None:
            return self.layers
        if self.sliding_window_pattern.startswith("chunked: 3 of every 4"):
            return self.layers - self.layers // 4
        assert self.sliding_window_pattern.startswith("alternating")  # the only other pattern the data holds
        return self.layers // 2

    @property
    def cached_layers_shared(self) -> bool:
        """MLA caches one latent per token shared by all heads: tensor parallelism cannot split it."""
        return self.attention == "mla"

    def cached_tokens(self, context: float) -> float:
        """Token-layers held in the cache for one sequence at `context` tokens, summed over layers."""
        windowed = self.windowed_layers
        window = self.sliding_window or 0
        return (self.layers - windowed) * context + windowed * min(context, window)

    def kv_bytes(self, context: float, bytes_per_value: float) -> float:
        """KV-cache bytes of one sequence at `context` tokens."""
        return self.cached_tokens(context) * self.kv_values_per_token_per_layer * bytes_per_value

    def kv_bytes_per_token(self, bytes_per_value: float) -> float:
        """Bytes one token adds to the cache across all layers (before any sliding window caps it)."""
        return self.layers * self.kv_values_per_token_per_layer * bytes_per_value

    def kv_split(self, cards: int) -> int:
        """Ways tensor parallelism divides the cache: by KV heads (replicated beyond them); MLA's latent never."""
        return 1 if self.cached_layers_shared else min(cards, self.kv_heads)

    def prefill_attention_flops(self, tokens: int) -> float:
        """Causal attention over a prompt: Q·Kᵀ and A·V, 2·heads·head_dim·n² per layer (n²/2 pairs, 4 FLOPs each)."""
        width = self.attention_heads * self.head_dim
        windowed = self.windowed_layers
        window = self.sliding_window or 0
        pairs = (self.layers - windowed) * tokens * tokens + windowed * tokens * min(tokens, window)
        return 2 * width * pairs

    def decode_attention_flops(self, context: float) -> float:
        """FLOPs of one decode token's attention over `context` cached tokens, summed over layers, where they can
        outlast the cache read: MLA's.

        MLA as served (absorbed: the queries meet the cached latent directly) scores each cached token against
        rank + rope values and sums `rank` of them, per head: 2·heads·(2·rank + rope) FLOPs per cached token and
        layer, 128 heads sharing one 576-value latent, about 480 FLOPs per cached byte in FP8: above the ridge of
        every GPU here. MHA/GQA attention does 4·heads·head_dim FLOPs per 2·kv_heads·head_dim cached values, at most
        2·(query heads per KV head) FLOPs per value, far below any ridge: its reads always take longer, so it is
        counted as its reads and its FLOPs (0 here) never decide a step.
        """
        if self.attention != "mla" or not self.kv_lora_rank:
            return 0.0
        rope = self.kv_values_per_token_per_layer - self.kv_lora_rank
        return 2 * self.attention_heads * (2 * self.kv_lora_rank + rope) * self.cached_tokens(context)

    @property
    def moe_layers(self) -> int:
        """Layers whose FFN is experts (their tokens are dispatched to the experts' cards under expert parallelism)."""
        return self.layers - (self.dense_layers or 0) if self.experts else 0

    def weights_read_share(self, batch: int) -> float:
        """Share of the weights a decode step of `batch` tokens reads: every expert a token routes to, once.

        With E routed experts and top-k routing, a step touches 1 − (1 − k/E)^batch of each layer's experts on
        average (uniform routing); the rest of the model is read whole. Dense models read everything.
        """
        if not self.experts or not self.experts_per_token:
            return 1.0
        return 1 - (1 - self.experts_per_token / self.experts) ** batch

    def with_overrides(self, layers: int | None, kv_heads: int | None, head_dim: int | None) -> "Shape":
        """The shape with `layers=` / `kv_heads=` / `head_dim=` applied; KV values follow (2·kv_heads·head_dim)."""
        if layers is None and kv_heads is None and head_dim is None:
            return self
        new_kv_heads = kv_heads or self.kv_heads
        new_head_dim = head_dim or self.head_dim
        values = self.kv_values_per_token_per_layer
        if kv_heads is not None or head_dim is not None:
            values = 2 * new_kv_heads * new_head_dim
        attention = (
            "gqa" if (kv_heads is not None or head_dim is not None) and self.attention == "mla" else self.attention
        )
        return self.model_copy(
            update={
                "layers": layers or self.layers,
                "kv_heads": new_kv_heads,
                "head_dim": new_head_dim,
                "kv_values_per_token_per_layer": values,
                "attention": attention,
            }
        )


class PresetShape(Shape):
    name: str
    title: str
    aliases: tuple[str, ...]
    active_params: int | None


class TypicalShape(Shape):
    size: str
    params_range: str
    reference_model: str

    @cached_property
    def bounds(self) -> tuple[float, float]:
        """The params_range ("60-80B") as (low, high) parameter counts."""
        low, high = self.params_range.rstrip("B").split("-")
        return float(low) * 1e9, float(high) * 1e9


class ShapeFile(BaseModel):
    model_config = FROZEN

    schema_text: str = Field(alias="schema")
    models: tuple[PresetShape, ...]
    typical_by_size: tuple[TypicalShape, ...]


@cache
def _shapes() -> ShapeFile:
    return packaged(ShapeFile, "model_shapes.json")


@cache
def _preset_shapes_by_name() -> dict[str, PresetShape]:
    return {shape.name: shape for shape in reversed(_shapes().models)}  # reversed: the first of a name is kept


def preset_shape(name: str) -> PresetShape | None:
    """The shape stored under a preset's name, if the data has it."""
    return _preset_shapes_by_name().get(name)


def preset_shapes() -> tuple[PresetShape, ...]:
    return _shapes().models


def typical_shape(params: float) -> TypicalShape:
    """The row whose size range holds `params`, else the nearest on a log scale (a range's middle)."""
    rows = _shapes().typical_by_size
    for row in rows:
        low, high = row.bounds
        if low <= params <= high:
            return row
    return min(rows, key=lambda row: abs(math.log(params / math.sqrt(row.bounds[0] * row.bounds[1]))))
