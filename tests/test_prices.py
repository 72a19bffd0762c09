"""Prices: the data files, the rule that picks a price on one basis, compare on one basis, the operator's file,
owning, API prices and the break-even. Expected figures are worked by hand from the data and written out."""

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.answer import reply_to
from bot.cli import run
from bot.operator_prices import ConfigError, load_prices
from bot.render.terminal import render_text
from bot.text.grammar import Estimate, GrammarError, parse
from bot.wording.report import Report
from calc import EstimateError, InferResult, TrainRequest, TrainResult, estimate
from calc.api_prices import ApiOffer, api_data, break_even_rps, compare_with_apis
from calc.compare import compare
from calc.ownership import purchase_data
from calc.prices import Offer, PriceBook, packaged_offers, price_book
from calc.rental import RentRequest, rent
from tests.support import TODAY
from tests.support.processes import environment, run_bot

GPT3 = TrainRequest(params=175e9, tokens=500e9)
# Offers the packaged data gives no date for, each saying so in its notes; a new undated one must be added here.
UNDATED = {("A100-80GB-SXM", "the seed document", "commit-3y"), ("TPU-v5p", "Google Cloud", "on-demand"),
           ("TPU-v5p", "Google Cloud", "spot")}  # fmt: skip


@pytest.fixture(autouse=True)
def packaged_prices() -> Iterator[None]:
    """Every test starts, and leaves, with the packaged offers in force."""
    load_prices(None)
    yield
    load_prices(None)


def train(words: str) -> TrainResult:
    command = parse(words)
    assert isinstance(command, Estimate)
    result = estimate(command.request, TODAY)
    assert isinstance(result, TrainResult)
    return result


def infer(words: str) -> InferResult:
    command = parse(words)
    assert isinstance(command, Estimate)
    result = estimate(command.request, TODAY)
    assert isinstance(result, InferResult)
    return result


# The data files


def test_the_data_files_load_and_validate() -> None:
    assert len(packaged_offers().offers) == 151
    assert len(api_data().offers) == 73
    purchases = purchase_data()
    assert (len(purchases.purchases), len(purchases.power), len(purchases.pue)) == (20, 3, 3)


def test_every_offer_has_a_source_and_a_date_or_says_it_has_none() -> None:
    undated = set()
    for offer in packaged_offers().offers:
        assert offer.source.strip() and offer.provider.strip()
        if offer.as_of is None:
            assert offer.notes is not None and "undated" in offer.notes.lower()
            undated.add((offer.gpu, offer.provider, offer.basis))
    assert undated == UNDATED
    assert all(offer.as_of and offer.source.strip() for offer in api_data().offers)
    assert all(purchase.source.strip() for purchase in purchase_data().purchases)


def _offer(**fields: object) -> dict[str, object]:
    return {
        "gpu": "H100-SXM",
        "provider": "Acme",
        "basis": "on-demand",
        "usd_per_gpu_hour": 2.0,
        "as_of": "2026-11-01",
        "source": "acme.example/pricing",
        **fields,
    }


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"usd_per_gpu_hour": 16.0, "instance_usd_per_hour": 16.0, "gpus_per_instance": 8}, "instance_usd_per_hour"),
        ({"gpu": "H100"}, "not in the catalog"),
        ({"as_of": "2026-13-01"}, "month must be in 1..12"),
        ({"as_of": "Nov 2026"}, "YYYY-MM-DD"),
        ({"as_of": "2026-11-01\n"}, "YYYY-MM-DD"),
        ({"basis": "On-demand"}, "should match pattern"),
        ({"basis": "spot\n"}, "should match pattern"),
        ({"basis": "on demand"}, "should match pattern"),
        ({"usd_per_gpu_hour": 0}, "greater than 0"),
        ({"basis": "own"}, "reserved"),
        ({"source": ""}, "at least 1 character"),
        ({"price": 2.0}, "Extra inputs are not permitted"),
    ],
)
def test_a_bad_offer_is_refused_at_load(fields: dict[str, object], problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        Offer.model_validate(_offer(**fields))


# The rule: one basis, each provider's newest offer, fresh ones, their (lower) median


def test_the_rule_is_the_lower_median_of_each_providers_newest_fresh_offer() -> None:
    book = PriceBook(
        tuple(
            Offer.model_validate(_offer(**fields))
            for fields in [
                {"provider": "A", "usd_per_gpu_hour": 1.0},
                {"provider": "B", "usd_per_gpu_hour": 2.0},
                {"provider": "C", "usd_per_gpu_hour": 3.0},
                {"provider": "D", "usd_per_gpu_hour": 4.0},
                {"provider": "B", "usd_per_gpu_hour": 0.5, "as_of": "2026-06-01"},  # B's older offer: not counted
                {"provider": "E", "usd_per_gpu_hour": 0.1, "as_of": "2025-10-01"},  # over 12 months before the data
                {"provider": "F", "usd_per_gpu_hour": 9.0, "basis": "spot"},
            ]
        )
    )
    assert [offer.provider for offer in book.counted("H100-SXM", "on-demand")] == ["A", "B", "C", "D"]
    median = book.offer_on("H100-SXM", "on-demand")
    assert median is not None and (median.provider, median.usd_per_gpu_hour) == ("B", 2.0)  # 2, not (2 + 3) / 2
    spot = book.offer_on("H100-SXM", "spot")
    assert spot is not None and spot.provider == "F"
    assert book.offer_on("H100-SXM", "commit-1y") is None


@pytest.mark.parametrize(
    ("gpu", "price", "provider", "basis", "counted"),
    [
        ("A100-80GB-SXM", 2.2659, "the seed document", "commit-3y", None),  # the seed names the A100's price
        ("H100-SXM", 3.99, "RunPod (Secure Cloud)", "on-demand", 9),
        ("H200-SXM", 4.59, "RunPod (Secure Cloud)", "on-demand", 6),
        ("B200-HGX", 6.99, "Lambda", "on-demand", 5),
        ("MI300X", 1.85, "Vultr", "on-demand", 3),
        ("L40S", 1.09, "RunPod (Secure Cloud)", "on-demand", 4),
        ("GB200", 10.5, "CoreWeave", "on-demand", 1),  # $42.00 for a 4-GPU slice of an NVL72
    ],
)
def test_each_gpus_default_price_comes_from_the_rule(
    gpu: str, price: float, provider: str, basis: str, counted: int | None
) -> None:
    result = train(f"train 7B 1T gpu={gpu}")
    assert result.assumptions.price_per_gpu_hour == price
    assert (result.assumptions.price.provider, result.assumptions.price_basis) == (provider, basis)
    assert result.assumptions.price.offers_counted == counted


def test_a_gb200_rental_is_priced_on_coreweaves_nvl72_slice() -> None:
    rental = rent(RentRequest(gpu="GB200", gpus=72, days=30), TODAY)
    # One NVL72 for 30 days: 72 GPUs × 720 h × ($42.00 per 4-GPU slice-hour / 4) = $544,320.
    assert rental.price_per_gpu_hour == 10.5
    assert rental.cost_usd == pytest.approx(544_320)
    assert (rental.price.provider, rental.price_basis, rental.price.as_of) == ("CoreWeave", "on-demand", "2026-09-20")


def test_the_seed_examples_keep_their_digits_on_the_seeds_figure() -> None:
    # 467,414.53 A100-hours at peak × $2.2659 = $1,059,114.58, the README's first command and DESIGN's table.
    result = train("train 175B 500B")
    assert round(result.cost_usd_at_peak) == 1_059_115
    assert (result.assumptions.price.rule, result.assumptions.price_basis) == ("seed", "commit-3y")
    assert train("train 175B 500B basis=seed").cost_usd_at_peak == result.cost_usd_at_peak
    # On today's on-demand offers instead: the median, CoreWeave's $2.7: 467,414.53 × 2.7 = $1,262,019.23.
    assert train("train 175B 500B basis=on-demand").cost_usd_at_peak == pytest.approx(1_262_019.23, abs=0.01)


@pytest.mark.parametrize(
    ("words", "price", "basis"),
    [
        ("gpu=H100 basis=spot", 2.9094, "spot"),  # Google Cloud a3-megagpu-8g, the cheaper of its two that day
        ("gpu=H100 basis=commit", 7.673, "commit-1y"),  # `commit` is the 1-year commitment
        ("gpu=H100 basis=commit-3y", 4.8581, "commit-3y"),
        ("gpu=A100 basis=commit-3y", 1.81, "commit-3y"),  # AWS and Azure: the seed's figure is not a provider's
        ("gpu=A100 basis=ON-DEMAND", 2.7, "on-demand"),
    ],
)
def test_basis_picks_the_rules_offer_on_it(words: str, price: float, basis: str) -> None:
    result = train(f"train 7B 1T {words}")
    assert (result.assumptions.price_per_gpu_hour, result.assumptions.price_basis) == (price, basis)


def test_a_basis_without_an_offer_or_unknown_is_refused_with_what_there_is() -> None:
    with pytest.raises(EstimateError) as error:
        train("train 7B 1T gpu=B200 basis=spot")
    assert (error.value.code, error.value.values) == (
        "no_offer_on_basis",
        {"gpu": "B200-HGX", "basis": "spot", "available": "on-demand"},
    )
    with pytest.raises(GrammarError) as bad:
        parse("train 7B 1T basis=reservd")
    assert (bad.value.code, bad.value.values["word"], bad.value.values["suggestion"]) == (
        "bad_value",
        "basis=reservd",
        "reserved",  # which reads as commit-1y
    )


def test_the_reply_names_its_basis_and_how_the_price_was_chosen() -> None:
    text = render_text(reply_to("train 7B 1T gpu=H100", TODAY))
    assert (
        "$3.99 per GPU-hour, on-demand: RunPod (Secure Cloud), 2026-11-09, the median of 9 providers' offers "
        "(`prices H100-SXM` lists them)"
    ) in text
    zh = render_text(reply_to("train 7B 1T gpu=H100 basis=spot", TODAY, lang="zh"))
    assert "每 GPU 小时 $2.9094，竞价实例：Google Cloud，2026-07-30" in zh
    # a median of one offer is that offer, not "the median of 1 providers' offers"
    only = render_text(reply_to("train 7B 1T gpu=GB200", TODAY))
    assert "CoreWeave, 2026-09-20, the only provider's offer (`prices GB200` lists it)" in only
    assert "仅此一家供应商报价" in render_text(reply_to("train 7B 1T gpu=GB200", TODAY, lang="zh"))


# compare: one basis for every GPU


def test_compare_ranks_every_gpu_on_one_basis_and_says_which() -> None:
    result = compare(GPT3, ["A100-80GB-SXM", "H100-SXM", "B200-HGX"], TODAY)
    assert result.basis == "on-demand"
    assert {entry.result.assumptions.price_basis for entry in result.entries} == {"on-demand"}
    a100 = next(entry for entry in result.entries if entry.gpu == "A100-80GB-SXM")
    assert a100.result.assumptions.price_per_gpu_hour == 2.7  # not the seed's 3-year figure beside on-demand ones
    assert [note.code for note in result.notes][-1] == "compare_basis"


def test_compare_marks_a_gpu_without_an_offer_on_the_basis() -> None:
    spot = GPT3.model_copy(update={"basis": "spot", "mfu": 0.35, "goodput": 1.0})
    result = compare(spot, ["A100-80GB-SXM", "H100-SXM", "B200-HGX"], TODAY)
    assert {entry.result.assumptions.price_basis for entry in result.entries} == {"spot"}
    # 5.25e23 / (989.4e12 × 0.35) / 3600 = 421,130.65 H100-hours × $2.9094 = $1,225,237.51
    assert [(entry.gpu, round(entry.cost_usd, 2)) for entry in result.entries] == [
        ("H100-SXM", 1_225_237.52),
        ("A100-80GB-SXM", 3_685_229.70),  # 1,335,470.09 × $2.7595
    ]
    assert [(s.gpu, s.code) for s in result.skipped] == [("B200-HGX", "no_offer_on_basis")]
    text = render_text(reply_to("compare train 175B 500B gpu=A100,H100,B200 basis=spot", TODAY))
    assert "B200-HGX       skipped: B200-HGX has no offer on `spot` (it has: on-demand)" in text
    assert "Every GPU is priced on `basis=spot`" in text
    assert text.rstrip().endswith("basis=spot gpu=A100-80GB-SXM,H100-SXM,B200-HGX")


# The operator's file: LLMCOST_PRICES


def test_an_operators_file_adds_offers_and_the_rule_counts_them(tmp_path: Path) -> None:
    path = tmp_path / "prices.json"
    path.write_text(json.dumps({"offers": [_offer(provider="Acme", usd_per_gpu_hour=1.5, as_of="2026-11-30")]}))
    book = load_prices(str(path))
    assert len(book.offers) == 152 and book.operator
    # Ten providers now: 1.5, 2.4024, 2.69, 3.85, 3.99 (Lambda and RunPod, by name) ...: the fifth is Lambda's.
    result = train("train 7B 1T gpu=H100")
    assert (result.assumptions.price.provider, result.assumptions.price_per_gpu_hour) == ("Lambda", 3.99)
    assert result.assumptions.price.offers_counted == 10
    output, code = run(["prices", "H100"], TODAY)
    assert code == 0 and "$1.5 Acme, 2026-11-30 — acme.example/pricing" in output
    assert "Offers from the operator's file are included." in output


def test_an_operators_file_may_replace_the_packaged_offers(tmp_path: Path) -> None:
    path = tmp_path / "prices.json"
    path.write_text(json.dumps({"replace": True, "offers": [_offer(gpu="A100-80GB-SXM", usd_per_gpu_hour=1.2)]}))
    load_prices(str(path))
    assert len(price_book().offers) == 1
    assert train("train 7B 1T").assumptions.price_per_gpu_hour == 1.2  # no seed's offer left: the on-demand rule
    with pytest.raises(EstimateError):
        train("train 7B 1T gpu=H100")


def test_the_gpu_listing_follows_offers_put_in_force_after_it_was_worded(tmp_path: Path) -> None:
    """`gpus` words its lines once per price book: a file put in force later is listed, and dropping it lists the
    packaged offers again."""
    packaged = render_text(reply_to("gpus", TODAY))
    assert "$3.99/h on-demand, RunPod" in packaged
    path = tmp_path / "prices.json"
    path.write_text(json.dumps({"replace": True, "offers": [_offer(gpu="H100-SXM", usd_per_gpu_hour=1.25)]}))
    load_prices(str(path))
    operators = render_text(reply_to("gpus", TODAY))
    assert "$1.25/h on-demand, Acme" in operators and "$3.99" not in operators
    load_prices(None)
    assert render_text(reply_to("gpus", TODAY)) == packaged


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ('{"offers": [', "not JSON: Expecting value at line 1, column 13"),
        ('{"offers": []}', "offers: Tuple should have at least 1 item after validation, not 0"),
        (json.dumps({"offers": [_offer(usd_per_gpu_hour=-2)]}), "offers.0.usd_per_gpu_hour: Input should be greater"),
        (json.dumps({"offer": [_offer()]}), "offers: Field required"),
    ],
)
def test_a_bad_operators_file_is_one_line_naming_the_file_and_the_problem(
    tmp_path: Path, content: str, problem: str
) -> None:
    path = tmp_path / "prices.json"
    path.write_text(content)
    with pytest.raises(ConfigError) as error:
        load_prices(str(path))
    message = str(error.value)
    assert message.startswith(f"LLMCOST_PRICES={path}: {problem}")
    assert "\n" not in message
    assert len(price_book().offers) == 151  # the packaged offers stay in force


def test_a_bad_operators_file_stops_the_cli_and_the_bot_at_start_up(tmp_path: Path) -> None:
    path = tmp_path / "prices.json"
    path.write_text(json.dumps({"offers": [_offer(gpu="H100")]}))
    cli = subprocess.run(
        [sys.executable, "-c", "from bot.cli import main; main()", "train", "7B"],
        env=environment(LLMCOST_PRICES=str(path)),
        capture_output=True,
        text=True,
        timeout=60,
    )
    expected = f"llmcost: LLMCOST_PRICES={path}: offers.0: Value error, gpu 'H100' is not in the catalog"
    assert (cli.returncode, cli.stdout) == (1, "")
    assert cli.stderr.startswith(expected) and cli.stderr.count("\n") == 1
    bot = run_bot(tmp_path, SLACK_BOT_TOKEN="xoxb-1", SLACK_SIGNING_SECRET="s", LLMCOST_PRICES=str(path))
    assert bot.returncode == 1
    assert bot.stderr.startswith(expected) and bot.stderr.count("\n") == 1


def test_a_team_price_still_wins_over_any_basis() -> None:
    request = TrainRequest(params=7e9, tokens=1e12, gpu="H100-SXM", basis="spot", price=1.85, price_label="team")
    result = estimate(request, TODAY)
    assert (result.assumptions.price_per_gpu_hour, result.assumptions.price_basis) == (1.85, None)


# Owning: basis=own


def test_owning_at_the_defaults_part_by_part() -> None:
    """H100: the median of 4 purchase prices, $33,750 (SemiAnalysis, DGX H100 / 8), over 5 years of 8,760 h:
    $0.7705479 an hour; 700 W × PUE 1.58 (Uptime 2023) × $0.0929/kWh (EIA, Jan 2026) = $0.1027474; no operations."""
    own = train("train 7B 1T gpu=H100 basis=own").assumptions.price.own
    assert own is not None
    assert own.capex_usd_per_gpu == 33_750 and own.years == 5 and own.utilization == 1
    assert (own.pue, own.usd_per_kwh, own.operations_share) == (1.58, 0.0929, 0)
    assert own.capex_usd_per_hour == pytest.approx(0.7705479452, rel=1e-9)
    assert own.power_usd_per_hour == pytest.approx(0.1027474, rel=1e-9)
    assert own.operations_usd_per_hour == 0
    assert own.usd_per_gpu_hour == pytest.approx(0.8732953452, rel=1e-9)


def test_owning_with_every_figure_given() -> None:
    """$40,000 over 4 years at 50% use: 40,000 / (4 × 8,760 × 0.5) = $2.2831050; 700 W × 1.2 × $0.10 = $0.084;
    ops 25% of the total: (2.2831050 + 0.084) / 0.75 = $3.1561400, of which operations $0.7890350."""
    result = train("train 7B 1T gpu=H100 basis=own capex=40000 years=4 util=50% kwh=0.1 pue=1.2 ops=25%")
    own = result.assumptions.price.own
    assert own is not None
    assert own.capex_usd_per_hour == pytest.approx(2.2831050228, rel=1e-9)
    assert own.power_usd_per_hour == pytest.approx(0.084, rel=1e-9)
    assert own.operations_usd_per_hour == pytest.approx(0.7890350076, rel=1e-9)
    assert result.assumptions.price_per_gpu_hour == pytest.approx(3.1561400304, rel=1e-9)
    assert result.assumptions.price_basis == "own"
    again = train(result.command)
    assert again.assumptions.price_per_gpu_hour == result.assumptions.price_per_gpu_hour
    text = render_text(reply_to(result.command, TODAY))
    assert "$3.156 per GPU-hour, owned: purchase $2.283 + power $0.084 + operations $0.789" in text
    assert (
        "$40,000 per GPU (yours) over 4 years (yours) at 50% of hours used → $2.283 per GPU-hour" in text
        and "700 W × PUE 1.2 × $0.1/kWh → $0.084 per GPU-hour" in text
    )


def test_owning_needs_a_purchase_price_and_board_power() -> None:
    with pytest.raises(EstimateError) as error:
        train("train 7B 1T gpu=L40S basis=own")
    assert error.value.code == "own_no_capex"
    with pytest.raises(EstimateError) as power:
        train("train 7B 1T gpu=TPU-v5p basis=own")
    assert power.value.code == "own_no_power"


# API prices and the break-even


def _api(provider: str, input_usd: float, output_usd: float) -> ApiOffer:
    return ApiOffer(
        model="m",
        open_weights=True,
        provider=provider,
        input_usd_per_1m=input_usd,
        output_usd_per_1m=output_usd,
        as_of="2026-11-01",
        source="s",
    )


CHEAP, MID, DEAR = _api("cheap", 0.1, 0.2), _api("mid", 0.5, 1.0), _api("dear", 1.0, 3.0)


@pytest.mark.parametrize("as_of", ["2026-11-01", "2026-11"])
def test_an_api_price_is_dated_by_a_day_or_a_month(as_of: str) -> None:
    assert ApiOffer.model_validate({**_api("p", 1.0, 2.0).model_dump(), "as_of": as_of}).as_of == as_of


# Refused as the Rust regex engine refused them (a trailing newline), and digits date.fromisoformat cannot read.
@pytest.mark.parametrize("as_of", ["2026-11-01\n", "Nov 2026", "2026-1-01", "x2026-11", "2026-11-01x", "٢٠٢٦-11-01"])
def test_an_api_price_dated_otherwise_is_refused(as_of: str) -> None:
    with pytest.raises(ValueError, match="should match pattern"):
        ApiOffer.model_validate({**_api("p", 1.0, 2.0).model_dump(), "as_of": as_of})


def test_break_even_from_first_principles() -> None:
    """800 in + 200 out: mid costs 800 × 0.5/1e6 + 200 × 1/1e6 = $0.0006 a request. A deployment of $8/h
    matches it at 8 / (3600 × 0.0006) = 3.7037 requests/s, which it can serve (4/s): hosting wins above that,
    3.7037 × 86,400 × 1000 = 320,000,000 tokens a day. Cheap costs $0.00012: 8 / (3600 × 0.00012) = 18.5/s,
    beyond capacity, so hosting never beats it."""
    assert break_even_rps(0.0006, 8.0, 4.0) == pytest.approx(3.7037037, rel=1e-7)
    assert break_even_rps(0.00012, 8.0, 4.0) is None
    comparison = compare_with_apis("m", 800, 200, 8.0, 4.0, offers=[CHEAP, MID, DEAR])
    assert comparison is not None
    assert (comparison.cheapest_input_usd_per_1m, comparison.cheapest_output_usd_per_1m) == (0.1, 0.2)
    assert comparison.cheapest_blended_usd_per_1m == pytest.approx(0.12)  # $0.00012 per 1000 tokens
    assert comparison.median_blended_usd_per_1m == pytest.approx(0.6)
    assert comparison.highest_blended_usd_per_1m == pytest.approx(1.4)  # 800 × 1 + 200 × 3
    assert comparison.break_even_rps is None
    assert comparison.break_even_rps_median == pytest.approx(3.7037037, rel=1e-7)
    # Full load: $8 / (4 × 3600 × 1000 tokens) = $0.5556 per 1M; at 10% load ten times that.
    assert comparison.self_hosted_usd_per_1m == pytest.approx(0.5555556, rel=1e-6)
    assert [(p.load_share, round(p.usd_per_1m, 4)) for p in comparison.loads] == [
        (0.1, 5.5556),
        (0.25, 2.2222),
        (0.5, 1.1111),
        (1.0, 0.5556),
    ]
    without_cheap = compare_with_apis("m", 800, 200, 8.0, 4.0, offers=[MID, DEAR])
    assert without_cheap is not None
    assert without_cheap.break_even_rps == pytest.approx(3.7037037, rel=1e-7)
    assert without_cheap.break_even_tokens_per_day == pytest.approx(320_000_000, rel=1e-9)


def test_a_serving_answer_for_a_priced_model_carries_the_comparison() -> None:
    """llama3.1-70b in FP8 on 2 × H100 at $3.99, at the largest batch that fits: $7.98 an hour; the estimate's cost
    per request is that hour over its capacity, so hosting at full load costs exactly the estimate's $ per 1M."""
    result = infer("infer llama3.1-70b gpu=H100 precision=fp8 cards=2 input=800 output=200")
    api = result.api
    assert api is not None and api.model == "llama3.1-70b" and api.offers == 7
    assert api.deployment_usd_per_hour == pytest.approx(7.98)
    assert api.capacity_rps == pytest.approx(result.assumptions.batch / result.latency_s)
    assert api.self_hosted_usd_per_1m == pytest.approx(result.cost_per_1m_tokens_usd)
    # The cheapest in this mix: DeepInfra 0.1 in, 0.28 out: (800 × 0.1 + 200 × 0.28) / 1000 = $0.136 per 1M.
    assert api.cheapest_blended_usd_per_1m == pytest.approx(0.136)
    assert api.break_even_rps is None  # $0.208 per 1M hosted at best
    # The median of 7: Cerebras 0.6/0.6 = $0.6 per 1M, $0.0006 a request: 7.98 / (3600 × 0.0006) = 3.6944/s.
    assert api.median_blended_usd_per_1m == pytest.approx(0.6)
    assert api.break_even_rps_median == pytest.approx(3.6944444, rel=1e-6)
    assert result.command.startswith("infer llama3.1-70b ")
    assert infer("infer 70B batch=128 gpu=H100").api is None  # a size names no model to buy


def test_the_comparison_reads_in_the_reply_the_json_and_a_chart() -> None:
    reply = reply_to("infer llama3.1-70b gpu=H100 precision=fp8 cards=2 input=800 output=200", TODAY)
    assert isinstance(reply, Report)
    row = dict(reply.fields)["Self-host or buy"]
    assert row.startswith("APIs for llama3.1-70b: $0.1360–$0.8800 per 1M tokens in this mix (median $0.6000, 7 offers")
    assert "it beats the median API above 3.69 requests/s" in row
    ((heading, chart),) = reply.charts
    assert heading == "$ per 1M tokens (800 in, 200 out): hosted at a share of capacity vs the APIs"
    assert [line.split()[0] for line in chart] == ["hosted,"] * 4 + ["API,"] * 3
    output, code = run(["--json", "infer", "llama3.1-70b", "batch=128", "gpu=H100"], TODAY)
    api = json.loads(output)["api"]
    assert code == 0
    for key in ("cheapest_input_usd_per_1m", "cheapest_output_usd_per_1m", "median_blended_usd_per_1m"):
        assert isinstance(api[key], float)
    assert "break_even_rps" in api


# Listings: prices [gpu], api [model]


def test_prices_lists_offers_with_dates_sources_spread_and_stale_flags() -> None:
    output, code = run(["prices", "h100"], TODAY)
    assert code == 0
    assert output.startswith("H100-SXM: 25 offers, $ per GPU-hour\n")
    assert "on-demand: $2.4024 to $12.29, median $3.99 — 9 of 17 offers counted" in output
    assert "$3.99 RunPod (Secure Cloud), 1x H100 SXM, 2026-11-09 ← the default — shared/reference/prices.json" in output
    assert "$10 Oracle Cloud, BM.GPU.H100.8, 2025-03-17 ⚠ over a year old or undated (not counted" in output
    everything, _ = run(["prices"], TODAY)
    assert "A100-80GB-SXM: default $2.2659/h 3-year commitment, the seed document, undated" in everything
    assert "H20: default no offers: give `price=`" in everything


def test_prices_and_api_json_follow_the_contract() -> None:
    data = json.loads(run(["--json", "prices", "H100"], TODAY)[0])
    assert {"provider", "basis", "usd_per_gpu_hour", "as_of", "source"} <= set(data["offers"][0])
    assert [o["usd_per_gpu_hour"] for o in data["offers"] if o["default"]] == [3.99]
    api = json.loads(run(["--json", "api", "llama3.1-70b"], TODAY)[0])
    assert len(api["offers"]) == 7
    assert {"provider", "model", "input_usd_per_1m", "output_usd_per_1m", "as_of", "source"} <= set(api["offers"][0])


def test_api_lists_a_models_prices_or_every_model() -> None:
    output, code = run(["api", "gpt-4o"], TODAY)
    assert code == 0
    assert "OpenAI: $2.5 in · $10 out, 2025-07-04 ⚠ over a year old or undated — " in output
    everything, _ = run(["api"], TODAY)
    assert "llama3.3-70b (open weights): 10 offers, from $0.038 in · $0.12 out" in everything
    zh, _ = run(["api", "lang=zh"], TODAY)
    assert "llama3.3-70b（开放权重）：10 条报价" in zh


@pytest.mark.parametrize(
    ("words", "start"),
    [
        (["api", "gpt-5"], "`gpt-5`: no API prices for that model. Priced: llama3.3-70b, "),
        (["prices", "H1000"], "`H1000`: no such GPU in the catalog"),
        (["prices", "H100", "A100"], "`A100` is not expected here"),
    ],
)
def test_bad_listing_words_exit_2_with_one_line(words: list[str], start: str) -> None:
    output, code = run(words, TODAY)
    assert code == 2 and "\n" not in output
    assert output.startswith(start)


@pytest.mark.parametrize("words", ["infer deepseek-r1 gpu=H200", "infer llama3.1-70b gpu=H100 cards=4 pp=2"])
def test_hosting_at_full_load_costs_the_estimates_own_price_with_stages_and_experts(words: str) -> None:
    """Capacity is the estimate's requests a second, not a batch per request's latency (longer than the cycle with
    pipeline stages or the expert layout): $0.35574 against $0.35479 for DeepSeek-R1 before."""
    command = parse(words)
    assert isinstance(command, Estimate)
    result = estimate(command.request, TODAY)
    assert isinstance(result, InferResult) and result.api is not None
    assert result.api.self_hosted_usd_per_1m == pytest.approx(result.cost_per_1m_tokens_usd, rel=1e-12)
