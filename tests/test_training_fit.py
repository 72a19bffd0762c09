"""The training MFU defaults recomputed from calc/data/training_runs.json, with the figures written out here."""

import pytest

from calc.goodput import EVIDENCE_USE, HOURS_LOST_PER_INTERRUPTION, goodput, goodput_of_elapsed
from calc.mfu import fit, leave_one_developer_out, leave_one_out, percentile, planning_figure, score
from calc.runs import EXCLUDED, find_run, fitted_runs, load_runs_file
from calc.units import Generation


def test_the_data_file_loads_and_fifty_runs_are_fitted() -> None:
    data = load_runs_file()
    assert len(data.runs) == 54
    assert len(fitted_runs()) == 50
    assert set(EXCLUDED) <= {run.model for run in data.runs}


def test_every_goodput_report_has_a_stated_use() -> None:
    assert {report.run for report in load_runs_file().goodput_evidence} == set(EVIDENCE_USE)


def test_deepseek_v3_fp8_run_is_judged_against_the_bf16_peak() -> None:
    # 6 x 37e9 x 14.8e12 = 3.2856e24 FLOPs over 989.4e12 x 2,664,000 h x 3600 s = 9.4889e24: 34.63% (17.3% of FP8)
    run = find_run("DeepSeek-V3")
    assert run is not None
    assert run.end_to_end_mfu == pytest.approx(0.346263, rel=1e-5)


def test_goodput_is_90_percent_at_llama_3_scale_and_falls_with_size() -> None:
    # Solved so that 16,384 GPUs over the 54-day snapshot lose 10%: 11.6 minutes per interruption
    minutes_lost = HOURS_LOST_PER_INTERRUPTION * 60
    assert minutes_lost == pytest.approx(11.616, abs=1e-3)
    assert goodput_of_elapsed(16_384, 54 * 24) == pytest.approx(0.90, abs=1e-12)
    assert goodput(512, 168) == pytest.approx(0.96495, abs=1e-5)
    assert goodput(64, 720) > goodput(4096, 720) > goodput(65_536, 720)


def test_percentile_interpolates_between_ranks() -> None:
    assert percentile([1.0, 2.0, 3.0, 4.0, 5.0], 0.5) == 3.0
    assert percentile([1.0, 2.0, 3.0, 4.0, 5.0], 0.05) == pytest.approx(1.2)


def test_fit_is_the_median_per_generation_and_its_5th_to_95th_percentile() -> None:
    fits = fit(fitted_runs())
    ampere, hopper = fits[Generation.AMPERE], fits[Generation.HOPPER]
    # Ampere: 29 runs, the 15th is StableLM-3B-4E1T (33.47%); Hopper: 17 runs, the 9th Llama 3.1 70B (27.11%);
    # each to three significant figures
    assert (ampere.runs, hopper.runs) == (29, 17)
    assert (ampere.mfu, ampere.low, ampere.high) == (0.335, 0.23, 0.508)
    assert (hopper.mfu, hopper.low, hopper.high) == (0.271, 0.158, 0.393)


def test_generations_without_enough_runs_borrow_and_say_so() -> None:
    fits = fit(fitted_runs())
    assert fits[Generation.CDNA].borrowed_from is Generation.HOPPER
    assert (fits[Generation.CDNA].mfu, fits[Generation.CDNA].runs) == (0.271, 0)
    assert (fits[Generation.BLACKWELL].mfu, fits[Generation.BLACKWELL].runs) == (0.187, 1)  # Olmo Hybrid alone
    assert not fits[Generation.BLACKWELL].validated
    assert fits[Generation.VOLTA].mfu == 0.213  # GPT-3, as the PaLM paper computed it
    # Its band is Ampere's spread around its own median: 0.23 x 0.213/0.335 and 0.508 x 0.213/0.335
    assert (fits[Generation.VOLTA].low, fits[Generation.VOLTA].high) == (0.146, 0.323)


def test_every_fit_figure_is_a_planning_figure_already() -> None:
    # A training estimate takes a 16-bit request's figures as they are (calc.train._scaled), which is only right
    # while planning_figure gives each of them back unchanged.
    for generation_fit in fit(fitted_runs()).values():
        for figure in (generation_fit.mfu, generation_fit.low, generation_fit.high):
            assert planning_figure(figure) == figure
    assert planning_figure(0.33470) == 0.335  # and it does round what is not one


def test_leave_one_out_and_leave_one_developer_out_meet_the_goals() -> None:
    loo = score(leave_one_out(fitted_runs()))
    lodo = score(leave_one_developer_out(fitted_runs()))
    assert (loo.runs, loo.coverage, lodo.coverage) == (50, 0.84, 0.84)
    assert loo.median_error == pytest.approx(0.20648, abs=1e-5)
    assert loo.p90_error == pytest.approx(0.47965, abs=1e-5)
    assert lodo.median_error == pytest.approx(0.22395, abs=1e-5)
    assert lodo.p90_error == pytest.approx(0.50785, abs=1e-5)
    for generation in (Generation.AMPERE, Generation.HOPPER, Generation.TPU):
        assert abs(lodo.bias[generation]) < 0.10
    assert lodo.bias[Generation.HOPPER] == pytest.approx(-0.04968, abs=1e-5)
    # One run each, judged by the generation they borrow from: the reply says these are not validated
    assert lodo.bias[Generation.VOLTA] == pytest.approx(-0.36418, abs=1e-5)
