"""`set`, `settings` and `reset`: the values meet the same parsers and bounds as the estimate's key=value."""

import pytest

from bot.text.grammar import GrammarError, ResetDefault, SetDefault, ShowSettings, parse


@pytest.mark.parametrize(
    ("text", "command"),
    [
        ("set price H100 1.85", SetDefault(key="price:H100-SXM", value="1.85")),
        ("set price h100 $1.85/h", SetDefault(key="price:H100-SXM", value="1.85")),
        ("SET PRICE a100 2.2659", SetDefault(key="price:A100-80GB-SXM", value="2.2659")),
        ("set gpu h100", SetDefault(key="gpu", value="H100-SXM")),
        ("set gpu 4090", SetDefault(key="gpu", value="RTX-4090")),
        ("set currency CNY", SetDefault(key="currency", value="CNY")),
        ("set currency rmb", SetDefault(key="currency", value="CNY")),
        ("set currency usd", SetDefault(key="currency", value="USD")),
        ("set rate 7.2", SetDefault(key="rate", value="7.2")),
        ("set mfu 40%", SetDefault(key="mfu", value="0.4")),
        ("set mfu 0.45", SetDefault(key="mfu", value="0.45")),
        ("set mfu 100%", SetDefault(key="mfu", value="1.0")),
        ("set mfu 40 lang=zh", SetDefault(key="mfu", value="0.4")),
        ("settings", ShowSettings()),
        ("reset", ResetDefault(key=None)),
        ("reset mfu", ResetDefault(key="mfu")),
        ("reset price h100", ResetDefault(key="price:H100-SXM")),
        ("reset currency", ResetDefault(key="currency")),
    ],
)
def test_good_team_commands(text: str, command: object) -> None:
    assert parse(text) == command


@pytest.mark.parametrize(
    ("text", "code", "values"),
    [
        ("set price H100 -3", "bad_value", {"word": "-3", "key": "price"}),
        ("set price H100 0", "out_of_range_gt", {"word": "0", "limit": "0"}),
        ("set price H100 5000", "out_of_range_le", {"word": "5000", "limit": "1000"}),
        ("set price NOPE 2", "unknown_gpu", {"word": "NOPE"}),
        ("set price H100", "missing_setting_value", {"command": "set price H100"}),
        ("set gpu NOPE", "unknown_gpu", {"word": "NOPE"}),
        ("set gpu H1OO", "unknown_gpu", {"word": "H1OO", "suggestion": "H100"}),
        ("set mfu 400%", "out_of_range_le", {"word": "400%", "limit": "100%"}),
        ("set mfu 0", "out_of_range_ge", {"word": "0", "limit": "0.1%"}),
        ("set mfu lots", "bad_value", {"word": "lots", "key": "mfu"}),
        ("set currency EUR", "bad_value", {"word": "EUR", "key": "currency"}),
        ("set rate 0", "out_of_range_gt", {"word": "0", "limit": "0"}),
        ("set rate abc", "bad_value", {"word": "abc", "key": "rate"}),
        ("set", "missing_setting", {"command": "set"}),
        ("set color blue", "unknown_setting", {"word": "color"}),
        ("set mfuu 40%", "unknown_setting", {"word": "mfuu", "suggestion": "mfu"}),
        ("set mfu", "missing_setting_value", {"command": "set mfu"}),
        ("set mfu 40% 50%", "unexpected_word", {"word": "50%"}),
        ("settings please", "unexpected_word", {"word": "please"}),
        ("reset color", "unknown_setting", {"word": "color"}),
        ("reset price", "missing_setting_value", {"command": "reset price"}),
        ("reset price NOPE", "unknown_gpu", {"word": "NOPE"}),
        ("reset mfu 40%", "unexpected_word", {"word": "40%"}),
        ("sett gpu H100", "unknown_command", {"word": "sett", "suggestion": "set"}),
    ],
)
def test_bad_team_commands_name_the_word_and_offer_a_working_example(
    text: str, code: str, values: dict[str, str]
) -> None:
    with pytest.raises(GrammarError) as error:
        parse(text)
    assert error.value.code == code
    assert values.items() <= error.value.values.items()
    assert parse(error.value.example)  # the example offered works
