"""Every estimate states the command that reproduces it; running that command gives the same estimate."""

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.text.grammar import Estimate, parse
from calc import estimate
from tests.support import TODAY

train_texts = st.builds(
    lambda params, tokens, gpu, extra: f"train {params} {tokens} gpu={gpu} {extra}",
    st.sampled_from(["7B", "70B", "175B", "1.8T", "8x222B", "1750亿", "gpt3", "deepseek-v3"]),
    st.sampled_from(["1T", "500B", "13T", "2,000,000,000,000", "5000亿"]),
    st.sampled_from(["A100", "H100", "H200", "B200", "MI300X", "TPU-v5p", "L40S"]),
    st.sampled_from(
        ["", "mfu=40%", "discount=5折 currency=CNY", "gpus=2048 recompute=full", "formula=seed", "rate=7.3"]
    ),
)
infer_texts = st.builds(
    lambda params, extra: f"infer {params} {extra}",
    st.sampled_from(["7B", "70B", "8.222e11", "mixtral-8x7b", "deepseek-v3"]),
    st.sampled_from(["", "batch=64", "input=800 output=200", "cards=16 opt=20%", "formula=seed flops=100T price=3.93"]),
)


@settings(max_examples=60)
@given(text=st.one_of(train_texts, infer_texts))
def test_the_reproducing_command_gives_the_same_estimate(text: str) -> None:
    first = parse(text)
    assert isinstance(first, Estimate)
    original = estimate(first.request, TODAY)
    again = parse(original.command)
    assert isinstance(again, Estimate)
    repeated = estimate(again.request, TODAY)
    assert repeated.command == original.command
    original_data = original.model_dump(exclude={"assumptions", "notes", "reported"})
    assert repeated.model_dump(exclude={"assumptions", "notes", "reported"}) == original_data
