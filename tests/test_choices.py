"""A menu choice rewrites the words it was made on: the chosen key replaced or added, every other word kept."""

import pytest

from bot.answer import reply_to
from bot.text.choices import GPU, MFU, with_choice
from bot.wording.report import Report
from tests.support import TODAY


@pytest.mark.parametrize(
    ("words", "key", "value", "expected"),
    [
        ("train 175B 500B", GPU, "H100-SXM", "train 175B 500B gpu=H100-SXM"),
        ("train 175B 500B gpu=A100 gpus=1024", GPU, "H100-SXM", "train 175B 500B gpus=1024 gpu=H100-SXM"),
        ("train 175B 500B GPU=a100 mfu=40%", GPU, "L4", "train 175B 500B mfu=40% gpu=L4"),
        ("train 175B 500B gpu = A100 price=2", GPU, "L4", "train 175B 500B price=2 gpu=L4"),
        ("train 175B 500B ｇｐｕ＝Ａ１００", GPU, "L4", "train 175B 500B gpu=L4"),
        ("train 175B 500B mfu=40%", MFU, "50%", "train 175B 500B mfu=50%"),
        ("train 175B 500B mfu=0.4 mfu=0.3", MFU, "25%", "train 175B 500B mfu=25%"),
        ("infer 70B batch=32 gpu=H100", MFU, "100%", "infer 70B batch=32 gpu=H100 mfu=100%"),
        ("train gpt3 lang=zh", GPU, "H100-SXM", "train gpt3 lang=zh gpu=H100-SXM"),
        ("训练 gpt3 discount=5折 currency=元", MFU, "25%", "训练 gpt3 discount=5折 currency=元 mfu=25%"),
        ("训练 1750亿 5000亿 lang=zh", GPU, "H800-SXM", "训练 1750亿 5000亿 lang=zh gpu=H800-SXM"),
        ("compare train 175B 500B gpu=A100,H100", MFU, "50%", "compare train 175B 500B gpu=A100,H100 mfu=50%"),
        ("compare train 175B 500B gpu=A100, H100", GPU, "L4", "compare train 175B 500B gpu=L4"),
        ("compare infer 70B batch=32", MFU, "35%", "compare infer 70B batch=32 mfu=35%"),
        # A rental may name its GPU first: the chosen one takes its place, not a second GPU beside it.
        ("rent H100 gpus=64 days=21", GPU, "B200-HGX", "rent gpus=64 days=21 gpu=B200-HGX"),
        ("租 H100 gpus=8", GPU, "L4", "租 gpus=8 gpu=L4"),
        ("rent gpu=H100 gpus=8", GPU, "L4", "rent gpus=8 gpu=L4"),
        ("rent gpus=8 days=3", GPU, "L4", "rent gpus=8 days=3 gpu=L4"),
    ],
)
def test_a_choice_replaces_its_key_and_keeps_every_other_word(words: str, key: str, value: str, expected: str) -> None:
    assert with_choice(words, key, value) == expected


# A default MFU is each GPU generation's own (calc.mfu), so it is whether the MFU is a default that is kept.
KEPT = {
    *("params", "active_params", "tokens", "model", "mfu_is_default"),
    *("discount", "currency", "gpus", "formula", "recompute"),
}


@pytest.mark.parametrize("words", ["train 175B 500B gpus=1024 discount=50%", "train gpt3 lang=zh", "训练 gpt3 mfu=40%"])
def test_the_new_words_answer_on_the_chosen_gpu_with_the_rest_unchanged(words: str) -> None:
    before = reply_to(words, TODAY)
    after = reply_to(with_choice(words, GPU, "H100-SXM"), TODAY)
    assert isinstance(before, Report) and isinstance(after, Report)
    assert (before.result.assumptions.gpu, after.result.assumptions.gpu) == ("A100-80GB-SXM", "H100-SXM")
    assert after.result.assumptions.model_dump(include=KEPT) == before.result.assumptions.model_dump(include=KEPT)
    assert after.lang == before.lang
    if "mfu=" in words:
        assert after.result.assumptions.mfu == before.result.assumptions.mfu
