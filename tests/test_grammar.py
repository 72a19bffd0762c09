"""The command grammar: a table of good and bad inputs."""

import pytest

from bot.text.grammar import Estimate, GrammarError, Help, ListGpus, ListModels, Rent, language_in, parse, words_of
from tests.support.commands import request_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("train 175B 500B", {"params": 175e9, "tokens": 500e9}),
        ("TRAIN 175B 500B", {"params": 175e9, "tokens": 500e9}),
        ("训练 1750亿 5000亿", {"params": 175e9, "tokens": 500e9}),
        ("train gpt3", {"model": "gpt3", "params": None, "tokens": None}),
        ("train gpt3 1T", {"model": "gpt3", "tokens": 1e12}),
        ("train 70B tokens=1.4T gpu=h100", {"params": 70e9, "tokens": 1.4e12, "gpu": "H100-SXM"}),
        ("train 70B 1.4T gpu = A100", {"gpu": "A100-80GB-SXM"}),
        ("train 70B 1.4T gpu=a100-40gb", {"gpu": "A100-40GB-SXM"}),
        ("train 70B 1.4T gpu=4090", {"gpu": "RTX-4090"}),
        ("train 70B 1.4T mfu=40% gpus=1,024", {"mfu": 0.4, "gpus": 1024}),
        ("train 70B 1.4T mfu=0.4", {"mfu": 0.4}),
        ("train 70B 1.4T discount=5折", {"discount": 0.5}),
        ("train 70B 1.4T currency=CNY rate=7.2", {"currency": "CNY", "rate": 7.2}),
        ("train 70B 1.4T currency=rmb", {"currency": "CNY"}),
        ("train 70B 1.4T recompute=full formula=seed", {"recompute": "full", "formula": "seed"}),
        ("train 70B 1.4T precision=FP8 flops=1979T price=$2.5", {"precision": "fp8", "flops": 1979e12, "price": 2.5}),
        ("train 671B 14.8T active=37B", {"active": 37e9}),
        ("train 70B 1.4T pue=1.2", {"pue": 1.2}),
        ("train 1e9 ２T", {"params": 1e9, "tokens": 2e12}),
        ("infer 70B", {"params": 70e9, "batch": "max"}),
        ("infer 70B batch=max kv=fp8 rps=50 context=8k", {"batch": "max", "kv": "fp8", "rps": 50, "context": 8000}),
        ("infer 70B layers=40 kv_heads=4 head_dim=64", {"layers": 40, "kv_heads": 4, "head_dim": 64}),
        ("infer 70B batch=32 cards=4 opt=30% mbu=70%", {"batch": 32, "cards": 4, "opt": 0.3, "mbu": 0.7}),
        ("infer llama3.1-405b cards=8 pp=2", {"model": "llama3.1-405b", "cards": 8, "pp": 2}),
        ("infer 8.222e11 flops=100T price=3.93 formula=seed", {"params": 822.2e9, "flops": 1e14, "formula": "seed"}),
        ("infer 7B input=800 output=200", {"input": 800, "output": 200}),
        ("infer deepseek-v3 tokens=2K", {"model": "deepseek-v3", "tokens": 2000}),
    ],
)
def test_good_commands(text: str, expected: dict[str, object]) -> None:
    request = request_of(text)
    for field, value in expected.items():
        assert getattr(request, field) == value, field
    command = parse(text)  # an Estimate built without validation: exactly what validating it builds
    assert command == Estimate(request=command.request)
    assert command.model_dump_json() == Estimate.model_validate(command.model_dump()).model_dump_json()


@pytest.mark.parametrize(
    ("text", "command_type", "topic"),
    [
        ("", Help, None),
        ("   ", Help, None),
        ("help", Help, None),
        ("help infer", Help, "infer"),
        ("gpus", ListGpus, None),
        ("models", ListModels, None),
    ],
)
def test_other_commands(text: str, command_type: type, topic: str | None) -> None:
    command = parse(text)
    assert isinstance(command, command_type)
    if isinstance(command, Help):
        assert command.topic == topic


@pytest.mark.parametrize(
    ("text", "code", "word"),
    [
        ("hello", "unknown_command", "hello"),
        ("175B 500B", "missing_command", "175B"),
        ("train", "missing_params", ""),
        ("train 175Q", "bad_params", "175Q"),
        ("train 175B lots", "bad_tokens", "lots"),
        ("train 175B 500B extra", "unexpected_word", "extra"),
        ("infer 70B 1T", "unexpected_word", "1T"),
        ("train 175B 500B tokens=1T", "tokens_twice", "500B"),
        ("train 175B 500B foo=1", "unknown_key", "foo=1"),
        ("train 175B 500B batch=4", "unknown_key", "batch=4"),
        ("train 175B 500B mfu=1 mfu=2", "duplicate_key", "mfu=2"),
        ("train 175B 500B gpu=NOPE", "unknown_gpu", "gpu=NOPE"),
        ("train 175B 500B mfu=lots", "bad_value", "mfu=lots"),
        ("train 175B 500B mfu=400%", "out_of_range_le", "mfu=400%"),
        ("train 175B 500B mfu=0", "out_of_range_ge", "mfu=0"),
        ("train 175B 500B price=-3", "bad_value", "price=-3"),
        ("train 175B 500B price=0", "out_of_range_gt", "price=0"),
        ("train 175B 500B discount=100%", "out_of_range_lt", "discount=100%"),
        ("train 175B 500B gpus=0", "out_of_range_ge", "gpus=0"),
        ("train 175B 500B gpus=1.5", "bad_value", "gpus=1.5"),
        ("train 500K 1T", "out_of_range_ge", "500K"),
        ("train 200T 1T", "out_of_range_le", "200T"),
        ("train 1e309 1T", "bad_params", "1e309"),
        ("train 7B 1T active=8B", "active_exceeds_params", "active=8B"),
        ("train 7B 1T precision=fp12", "bad_value", "precision=fp12"),
        ("train 7B 1T currency=EUR", "bad_value", "currency=EUR"),
        ("infer 70B batch=0", "out_of_range_ge", "batch=0"),
        ("infer 70B opt=100%", "out_of_range_lt", "opt=100%"),
        ("infer 70B pp=0", "out_of_range_ge", "pp=0"),
    ],
)
def test_bad_commands_name_the_bad_word(text: str, code: str, word: str) -> None:
    with pytest.raises(GrammarError) as error:
        parse(text)
    assert error.value.code == code
    if word:
        assert error.value.values["word"] == word
    assert parse(error.value.example)  # the example offered works


@pytest.mark.parametrize(
    ("text", "limit"),
    [
        ("train 7B 1T mfu=400%", "100%"),
        ("train 500K 1T", "1M"),
        ("train 200T 1T", "100T"),
        ("infer 7B opt=1", "100%"),
        ("infer 7B tokens=1e9", "10,000,000"),
        ("infer 7B batch=2000000", "1,000,000"),
        ("train 7B gpus=0", "1"),
    ],
)
def test_range_errors_state_the_limit_in_the_users_units(text: str, limit: str) -> None:
    with pytest.raises(GrammarError) as error:
        parse(text)
    assert error.value.values["limit"] == limit


def test_language_may_be_chosen_anywhere() -> None:
    assert language_in(words_of("train 7B 1T lang=zh")) == "zh"
    assert language_in(words_of("lang=EN help")) == "en"
    assert language_in(words_of("train 7B 1T")) is None
    assert isinstance(parse("lang=zh train 7B 1T"), Estimate)
    with pytest.raises(GrammarError) as error:
        parse("train 7B 1T lang=fr")
    assert error.value.values["word"] == "lang=fr"
    assert parse(error.value.example)


def test_suggestions_for_near_misses() -> None:
    with pytest.raises(GrammarError) as error:
        parse("trian 175B")
    assert error.value.values["suggestion"] == "train"
    with pytest.raises(GrammarError) as error:
        parse("train 175B 500B gpu=H1OO")
    assert error.value.values["suggestion"] == "H100"
    with pytest.raises(GrammarError) as error:
        parse("train 175B 500B mfuu=40%")
    assert error.value.values["suggestion"] == "mfu"


@pytest.mark.parametrize(
    ("text", "example"),
    [
        ("train 70B days=30 gpus=8", "train 70B gpus=8"),
        ("train gpu=H100 gpus=64", "train 70B gpu=H100 gpus=64"),
        ("train 70B 2T gpuz=H100", "train 70B 2T gpu=H100"),
        ("train 70B 2T gpu=H1000", "train 70B 2T gpu=H100"),
        ("train 70B 2T gpu=NOPE", "train 70B 2T"),
        ("train zzz 1T gpu=H100", "train 70B 1T gpu=H100"),
        ("finetune llama2-7b gpu=H100", "finetune llama2-7b 100M gpu=H100"),
        ("train 70B budget=1M gpu=H100", "train budget=1M gpu=H100"),
        ("train 70B 2T mfu=140%", "train 70B 2T"),
        ("train 70B 2T tokens=1T", "train 70B tokens=1T"),
        ("compare train gpu=A100,H100", "compare train 70B gpu=A100,H100"),
        ("sweep infer gpu=H200", "sweep infer 70B gpu=H200"),
        ("infer 70B batch=0 gpu=H100", "infer 70B gpu=H100"),
        ("trian 70B 2T", "train 70B 2T"),
        ("rent H100 gpus=8 days=3 hours=4", "rent H100 gpus=8 days=3"),
        ("rent H100 gpus=8 basis=own", "rent H100 gpus=8"),
        ("prices H1000", "prices H100"),
    ],
)
def test_an_errors_example_is_the_persons_own_command_set_right(text: str, example: str) -> None:
    with pytest.raises(GrammarError) as error:
        parse(text)
    assert error.value.example == example
    # What an example made from their words parses to comes with it, so that checking it is answered does not
    # parse it again (`prices H100` is also the command's fixed example, which is not parsed at all).
    expected = None if example == error.value.default_example else parse(example)
    assert error.value.example_command == expected


def test_a_fixed_example_comes_without_a_command() -> None:
    with pytest.raises(GrammarError) as error:
        parse("train 7B 1T gpu=zzz mfu=zzz")  # two words wrong: no one repair is taken, the fixed example stands
    assert error.value.example == error.value.default_example
    assert error.value.example_command is None


def test_rent_takes_a_gpu_a_count_and_a_time() -> None:
    rent = parse("rent H800 gpus=2048 days=60")
    assert isinstance(rent, Rent)
    assert (rent.request.gpu, rent.request.gpus, rent.request.days, rent.request.hours) == ("H800-SXM", 2048, 60, None)
    assert parse("租 gpu=A100 hours=500 basis=spot").request.hours == 500  # type: ignore[union-attr]
    assert parse("rent H100").request.gpus == 1  # type: ignore[union-attr]
    for bad, code in [("rent H100 A100", "unexpected_word"), ("rent H100 gpu=A100", "duplicate_key")]:
        with pytest.raises(GrammarError) as error:
            parse(bad)
        assert error.value.code == code


@pytest.mark.parametrize(
    ("text", "price", "rate", "currency"),
    [
        ("train 70B 2T price=¥15", 15 / 7.1, 7.1, "CNY"),
        ("train 70B 2T price=15元 rate=7.5", 2.0, 7.5, "CNY"),
        ("train 70B 2T price=15CNY/h currency=USD", 15 / 7.1, 7.1, "USD"),
        ("infer 70B price=RMB15", 15 / 7.1, 7.1, "CNY"),
        ("train 70B 2T price=$2.5/h", 2.5, None, None),
        ("train 70B 2T price=2.5usd", 2.5, None, None),
    ],
)
def test_a_price_in_yuan_is_dollars_at_the_rate_the_request_then_states(
    text: str, price: float, rate: float | None, currency: str | None
) -> None:
    request = request_of(text)
    assert request.price == pytest.approx(price, rel=1e-12)
    assert request.rate == rate
    assert request.currency == currency


def test_a_price_marked_twice_or_as_yuan_where_dollars_are_kept_is_refused() -> None:
    for bad in ("train 70B price=$2¥", "train 70B price=¥"):
        with pytest.raises(GrammarError) as error:
            parse(bad)
        assert error.value.code == "bad_value"
    with pytest.raises(GrammarError) as error:
        parse("set price H100 ¥15")  # a team's price is kept in dollars
    assert error.value.values["word"] == "¥15"


def test_rent_across_gpus_lists_them_and_names_none_in_the_request() -> None:
    rent = parse("rent gpu=H100,A100 gpus=8 days=30")
    assert isinstance(rent, Rent)
    assert rent.compare == ("H100-SXM", "A100-80GB-SXM") and rent.request.gpu is None
    with pytest.raises(GrammarError) as error:
        parse("rent H100 gpu=H100,A100 days=30")
    assert (error.value.code, error.value.example) == ("duplicate_key", "rent H100 days=30")


def test_rent_may_name_its_gpus_first_as_it_names_one() -> None:
    rent = parse("rent H100,A100 gpus=8 days=30")
    assert isinstance(rent, Rent)
    assert rent.compare == ("H100-SXM", "A100-80GB-SXM") and rent.request.gpu is None
    assert (rent.request.gpus, rent.request.days) == (8, 30)
    with pytest.raises(GrammarError) as error:
        parse("rent H100,A100 gpu=B200")
    assert (error.value.code, error.value.values["word"]) == ("duplicate_key", "H100,A100")  # as typed


def test_a_mistyped_gpu_is_suggested_its_name() -> None:
    with pytest.raises(GrammarError) as raised:
        parse("train 7B gpu=H1OO")
    assert raised.value.values["suggestion"] == "H100"
