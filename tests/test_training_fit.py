"""The training MFU defaults recomputed from calc/data/training_runs.json, with the figures written out here."""

import pytest

from calc.goodput import EVIDENCE_USE, HOURS_LOST_PER_INTERRUPTION, goodput, goodput_of_elapsed
from calc.mfu import Generation, fit, leave_one_developer_out, leave_one_out, percentile, score
from calc.runs import EXCLUDED, find_run, fitted_runs, load_runs_file


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
    # Ampere: 29 runs, the 15th is StableLM-3B-4E1T; Hopper: 17 runs, the 9th is Llama 3.1 70B
    assert (ampere.runs, hopper.runs) == (29, 17)
    assert ampere.mfu == pytest.approx(0.33470, abs=1e-5)
    assert hopper.mfu == pytest.approx(0.27229, abs=1e-5)
    assert (ampere.low, ampere.high) == (pytest.approx(0.22957, abs=1e-5), pytest.approx(0.50798, abs=1e-5))
    assert (hopper.low, hopper.high) == (pytest.approx(0.15818, abs=1e-5), pytest.approx(0.39246, abs=1e-5))


def test_generations_without_enough_runs_borrow_and_say_so() -> None:
    fits = fit(fitted_runs())
    assert fits[Generation.CDNA].borrowed_from is Generation.HOPPER
    assert fits[Generation.CDNA].mfu == fits[Generation.HOPPER].mfu
    assert fits[Generation.BLACKWELL].runs == 1
    assert not fits[Generation.BLACKWELL].validated
    assert fits[Generation.VOLTA].mfu == pytest.approx(0.213)


def test_leave_one_out_and_leave_one_developer_out_meet_the_goals() -> None:
    loo = score(leave_one_out(fitted_runs()))
    lodo = score(leave_one_developer_out(fitted_runs()))
    assert (loo.coverage, lodo.coverage) == (0.84, 0.84)
    assert loo.median_error == pytest.approx(0.20590, abs=1e-5)
    assert loo.p90_error == pytest.approx(0.47922, abs=1e-5)
    assert lodo.median_error == pytest.approx(0.22929, abs=1e-5)
    assert lodo.p90_error == pytest.approx(0.50633, abs=1e-5)
    for generation in (Generation.AMPERE, Generation.HOPPER, Generation.TPU):
        assert abs(lodo.bias[generation]) < 0.10
    assert lodo.bias[Generation.HOPPER] == pytest.approx(-0.04289, abs=1e-5)
