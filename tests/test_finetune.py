"""Fine-tuning (full, LoRA, QLoRA) and the mixture-of-experts shorthand, from first principles."""

import pytest

from bot.answer import reply_to
from bot.text.grammar import Estimate, GrammarError, parse
from bot.wording.report import Report
from calc import TrainRequest, estimate
from calc.finetune import adapter_params, typical_width
from calc.results import TrainResult
from calc.units import FinetuneMethod
from tests.support import TODAY


def finetune(words: str) -> TrainResult:
    command = parse(words)
    assert isinstance(command, Estimate)
    result = estimate(command.request, TODAY)
    assert isinstance(result, TrainResult)
    return result


def test_adapters_are_rank_16_on_every_linear_layer_of_a_typical_shape() -> None:
    # 7B: d = (7e9 / 0.09375)^(1/3) = 4210.9 (Llama 2 7B has 4096); adapters = 1.5 x 16 / d of the weights = 39.9M
    assert typical_width(7e9) == pytest.approx(4210.9, abs=0.1)
    assert adapter_params(7e9, FinetuneMethod.LORA) == pytest.approx(39.896e6, rel=1e-4)
    assert adapter_params(7e9, FinetuneMethod.FULL) == 0


def test_full_fine_tuning_is_pre_training_arithmetic_on_the_fine_tuning_tokens() -> None:
    result = finetune("finetune 7B 1B")
    assert result.assumptions.method is FinetuneMethod.FULL
    assert result.flops == 6 * 7e9 * 1e9
    assert result.state_memory_bytes == 16 * 7e9
    assert result.command.startswith("finetune 7B 1B ")
    assert "method=full" in result.command


def test_lora_is_cheaper_than_full_fine_tuning() -> None:
    full = finetune("finetune 7B 1B goodput=100%")
    lora = finetune("finetune 7B 1B method=lora goodput=100%")
    # 4 x 7e9 x 1e9 + 6 x 39.896e6 x 1e9 = 2.8239e19 FLOPs against 4.2e19: 67.2% of the GPU-hours and cost
    assert lora.flops == pytest.approx(2.8239e19, rel=1e-4)
    assert lora.cost_usd / full.cost_usd == pytest.approx(2.8239 / 4.2, rel=1e-4)
    # 2 bytes x 7e9 frozen + 16 bytes x 39.9M adapters = 14.64 GB against 112 GB
    assert lora.state_memory_bytes == pytest.approx(14.638e9, rel=1e-4)
    assert lora.state_memory_bytes < full.state_memory_bytes


def test_qlora_fits_where_full_fine_tuning_does_not() -> None:
    # 65B: full 16 x 65e9 = 1.04 TB (13 x A100 80GB); LoRA 130 GB + 176M adapters x 16 = 132.8 GB (2);
    # QLoRA 65e9 x 4.127 / 8 = 33.5 GB + 2.8 GB = 36.4 GB: one A100 80GB, and one 48 GB L40S (the QLoRA paper's claim)
    full = finetune("finetune 65B 100M")
    lora = finetune("finetune 65B 100M method=lora")
    qlora = finetune("finetune 65B 100M method=qlora")
    assert (full.min_gpus_for_state, lora.min_gpus_for_state, qlora.min_gpus_for_state) == (13, 2, 1)
    assert qlora.state_memory_bytes == pytest.approx(36.35e9, rel=1e-3)
    assert finetune("finetune 65B 100M method=qlora gpu=L40S").min_gpus_for_state == 1
    assert finetune("finetune 65B 100M gpu=L40S").min_gpus_for_state == 22


def test_a_preset_is_fine_tuned_on_the_default_gpu_with_the_tokens_given() -> None:
    result = finetune("finetune deepseek-v3 1B method=lora")
    assert result.assumptions.gpu == "A100-80GB-SXM"  # where the reader rents, not where DeepSeek pre-trained
    assert result.assumptions.tokens == 1e9
    assert result.flops == pytest.approx(4 * 37e9 * 1e9 + 6 * adapter_params(671e9, FinetuneMethod.LORA) * 1e9)
    assert result.reported is None


def test_fine_tuning_words_and_mistakes() -> None:
    command = parse("微调 llama2-7b 100M method=qlora")
    assert isinstance(command, Estimate) and isinstance(command.request, TrainRequest)
    assert (command.request.method, command.request.tokens) == (FinetuneMethod.QLORA, 1e8)
    with pytest.raises(GrammarError) as missing:
        parse("finetune 7B")
    assert missing.value.code == "finetune_needs_tokens"
    with pytest.raises(GrammarError) as bad:
        parse("finetune 7B 1B method=dora")
    assert (bad.value.code, bad.value.values["word"]) == ("bad_value", "method=dora")
    with pytest.raises(GrammarError) as budget:
        parse("finetune 7B 1B budget=1M")
    assert budget.value.code == "unknown_key"


def test_the_reply_names_the_method_and_its_memory() -> None:
    reply = reply_to("finetune 65B 100M method=qlora", TODAY)
    assert isinstance(reply, Report)
    assert reply.title == "Fine-tuning a 65B-parameter model on 100M tokens (QLoRA)"
    memory = dict(reply.fields)["Training state"]
    assert memory.startswith("0.0364 TB (frozen weights in 4-bit NF4, 4.127 bits per parameter, and 176M rank-16")
    assert memory.endswith("at least 1 × A100-80GB-SXM to hold it")
    assert any(note.startswith("QLoRA: LoRA on weights stored in 4-bit NF4") for note in reply.notes)


# Mixture-of-experts shorthand


def test_8x7b_counts_every_parameter_and_names_mixtral() -> None:
    result = finetune("train 8x7B 1T")
    assert (result.assumptions.params, result.assumptions.active_params) == (56e9, 56e9)
    (note,) = [note for note in result.notes if note.code.startswith("moe_unknown_active")]
    assert note.code == "moe_unknown_active_preset"
    assert (note.values["preset"], note.values["active"]) == ("mixtral-8x7b", 12.9e9)
    reply = reply_to("train 8x7B 1T", TODAY)
    assert isinstance(reply, Report)
    assert (
        "`8x7B` counts all 56B parameters as active: the active share is unknown (give `active=`). "
        "It matches the Mixtral 8x7B (MoE) preset (`mixtral-8x7b`): 12.9B active."
    ) in reply.notes


def test_the_shorthand_with_active_says_nothing_more_and_unknown_shapes_name_no_preset() -> None:
    assert not [n for n in finetune("train 8x7B 1T active=12.9B").notes if n.code.startswith("moe_unknown")]
    (note,) = [n for n in finetune("train 4x30B 1T").notes if n.code.startswith("moe_unknown")]
    assert note.code == "moe_unknown_active"
    (seed,) = [n for n in finetune("train 8x222B 13T").notes if n.code.startswith("moe_unknown")]
    assert (seed.code, seed.values["preset"]) == ("moe_unknown_active_named", "gpt4-turbo")
