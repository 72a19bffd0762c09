"""Team defaults fill what the user left unset, the price follows the GPU in use, and the reply says whose it is."""

from datetime import UTC, date, datetime

import pytest

from bot.answer import reply_for
from bot.render.escape import mention
from bot.render.terminal import render_text
from bot.team.defaults import TeamDefaults, TeamValue, apply_defaults
from bot.team.records import Setting
from bot.text.grammar import Estimate, Rent, parse
from calc.units import Currency
from tests.support import TODAY
from tests.support.commands import request_of

ALICE_H100 = TeamValue(value=1.85, set_by="U0ALICE", set_on=date(2026, 11, 29))
TEAM = TeamDefaults(
    gpu="H100-SXM",
    currency=Currency.CNY,
    rate=7.2,
    mfu=TeamValue(value=0.4, set_by="U0CAROL", set_on=date(2026, 11, 28)),
    prices={"H100-SXM": ALICE_H100, "A100-80GB-SXM": TeamValue(value=1.2, set_by="U0BOB", set_on=TODAY)},
)


def test_every_unset_field_takes_the_teams_value() -> None:
    filled = apply_defaults(request_of("train 70B 1.4T"), TEAM)
    assert (filled.gpu, filled.price, filled.currency, filled.rate, filled.mfu) == (
        "H100-SXM",
        1.85,
        Currency.CNY,
        7.2,
        0.4,
    )
    assert filled.price_label == f"team price, set by {mention('U0ALICE')} on 2026-11-29"
    assert filled.mfu_label == f"team default, set by {mention('U0CAROL')} on 2026-11-28"
    assert (filled.params, filled.tokens) == (70e9, 1.4e12)


def test_a_typed_value_wins() -> None:
    text = "train 70B 1.4T gpu=H100 price=2.5 currency=USD mfu=30%"
    filled = apply_defaults(request_of(text), TEAM)
    assert (filled.price, filled.price_label, filled.currency, filled.mfu, filled.mfu_label) == (
        2.5,
        None,
        Currency.USD,
        0.3,
        None,
    )
    # the team's rate is for yuan: it must not turn this dollar estimate into one
    assert filled.rate is None
    assert apply_defaults(request_of("infer 70B rate=6.9"), TEAM).rate == 6.9


def test_the_team_price_follows_the_gpu_actually_used() -> None:
    a100 = apply_defaults(request_of("train 70B 1.4T gpu=A100"), TEAM)
    assert (a100.gpu, a100.price, a100.price_label) == (
        "A100-80GB-SXM",
        1.2,
        f"team price, set by {mention('U0BOB')} on 2026-11-29",
    )
    no_team_price = apply_defaults(request_of("train 70B 1.4T gpu=H200"), TEAM)
    assert (no_team_price.price, no_team_price.price_label) == (None, None)  # the catalog's H200 price applies
    prices_only = TeamDefaults(prices=TEAM.prices)
    default_gpu = apply_defaults(request_of("train 70B 1.4T"), prices_only)
    assert (default_gpu.gpu, default_gpu.price) == (None, 1.2)  # no team GPU: the catalog's default, the A100


def test_no_defaults_change_nothing() -> None:
    request = request_of("infer 70B batch=8")
    assert apply_defaults(request, TeamDefaults()) == request


def test_a_request_the_team_fills_nothing_in_is_not_validated_again() -> None:
    """Typed values win everywhere, or nothing is set: the request as the grammar validated it, not a copy."""
    request = request_of("train 70B 1.4T gpu=H100 price=2.5 currency=USD mfu=30% rate=7")
    assert apply_defaults(request, TEAM) is request
    unset = request_of("train 7B")
    assert apply_defaults(unset, TeamDefaults()) is unset


def test_the_label_is_worded_in_the_readers_language() -> None:
    filled = apply_defaults(request_of("train 7B 1T"), TEAM, lang="zh")
    assert filled.price_label == f"团队价格，由 {mention('U0ALICE')} 于 2026-11-29 设定"
    assert filled.mfu_label == f"团队默认，由 {mention('U0CAROL')} 于 2026-11-28 设定"


def test_the_estimate_says_whose_price_it_is() -> None:
    filled = apply_defaults(request_of("train 175B 500B"), TeamDefaults(prices={"A100-80GB-SXM": ALICE_H100}))
    output = render_text(reply_for(Estimate(request=filled), TODAY))
    assert f"$1.85 per GPU-hour, team price, set by {mention('U0ALICE')} on 2026-11-29" in output
    # 175B x 500B x 6 at 312 TFLOPS and 33.5% MFU, goodput 96.28%: 1,449,181.58 GPU-hours x $1.85
    assert "≈ $2.68M at 33.5% MFU" in output
    assert "price=1.85" in output  # the reproducing command carries the team's price


def test_the_estimate_says_whose_mfu_it_is() -> None:
    team_mfu = TeamDefaults(mfu=TEAM.mfu)
    output = render_text(reply_for(Estimate(request=apply_defaults(request_of("train 175B 500B"), team_mfu)), TODAY))
    # 5.25e23 FLOPs at 312 TFLOPS x 40%: 1,168,536 productive GPU-hours / goodput 96.3% x $2.2659
    assert "≈ $2.75M at 40% MFU (team default; " in output
    assert f"40%, team default, set by {mention('U0CAROL')} on 2026-11-28" in output
    typed = apply_defaults(request_of("train 175B 500B mfu=30%"), team_mfu)
    assert "30%, yours" in render_text(reply_for(Estimate(request=typed), TODAY))


def at(day: int) -> datetime:
    return datetime(2026, 11, day, 12, tzinfo=UTC)


def test_stored_settings_are_read_back_checked() -> None:
    defaults = TeamDefaults.from_settings(
        [
            Setting("currency", "CNY", "U1", at(1)),
            Setting("gpu", "H100-SXM", "U1", at(2)),
            Setting("mfu", "0.4", "U0CAROL", at(28)),
            Setting("price:H100-SXM", "1.85", "U0ALICE", at(29)),
            Setting("rate", "7.2", "U3", at(4)),
        ]
    )
    assert defaults == TEAM.model_copy(update={"prices": {"H100-SXM": ALICE_H100}})


@pytest.mark.parametrize(
    "setting",
    [
        Setting("mfu", "4", "U1", at(1)),  # over 100%
        Setting("price:NOPE", "2", "U1", at(1)),  # a GPU the catalog no longer has
        Setting("gpu", "NOPE", "U1", at(1)),
        Setting("price:H100-SXM", "-3", "U1", at(1)),
        Setting("currency", "EUR", "U1", at(1)),
        Setting("color", "blue", "U1", at(1)),
    ],
)
def test_a_stored_value_that_no_longer_reads_is_skipped_not_fatal(setting: Setting) -> None:
    assert TeamDefaults.from_settings([setting, Setting("rate", "7.2", "U3", at(4))]) == TeamDefaults(rate=7.2)


def test_a_rental_takes_the_teams_gpu_its_price_and_the_currency() -> None:
    command = parse("rent gpus=8 days=30")
    assert isinstance(command, Rent)
    filled = apply_defaults(command.request, TEAM)
    assert (filled.gpu, filled.price, filled.currency, filled.rate) == ("H100-SXM", 1.85, Currency.CNY, 7.2)
    output = render_text(reply_for(command.model_copy(update={"request": filled}), TODAY))
    # 8 GPUs x 720 h = 5,760 GPU-hours x $1.85 = $10,656, at 7.2 yuan a dollar ¥76,723.2
    assert f"team price, set by {mention('U0ALICE')} on 2026-11-29" in output
    assert "¥76,723" in output


def test_a_typed_gpu_keeps_its_own_price_in_a_rental() -> None:
    command = parse("rent A100 gpus=2 hours=10 currency=USD")
    assert isinstance(command, Rent)
    filled = apply_defaults(command.request, TEAM)
    assert (filled.gpu, filled.price, filled.currency) == ("A100-80GB-SXM", 1.2, Currency.USD)
