"""What start-up builds and imports: models built when first used, catalogs read when first asked for, and the
terminal's path free of what only the Slack app needs (bench/cli.py measures what it buys)."""

import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

import pydantic
import pytest

import bot
import calc

ROOT = Path(__file__).resolve().parent.parent


def _our_modules() -> list[str]:
    names: list[str] = []
    for package in (bot, calc):
        for module in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
            if ".migrations" not in module.name and not module.name.endswith("__main__"):
                names.append(module.name)
    return names


def _our_models() -> list[type[pydantic.BaseModel]]:
    for name in _our_modules():
        importlib.import_module(name)
    found: list[type[pydantic.BaseModel]] = []
    waiting = [pydantic.BaseModel]
    while waiting:
        for model in waiting.pop().__subclasses__():
            waiting.append(model)
            if model.__module__.partition(".")[0] in ("bot", "calc"):
                found.append(model)
    return found


MODELS = _our_models()


def test_every_model_is_built_when_first_used_not_at_import() -> None:
    settings = {model.__qualname__ for model in MODELS if not model.model_config.get("defer_build")}
    assert settings == {"Config"}  # the Slack app's configuration: read once, at its start-up


def test_no_field_takes_a_name_pydantic_keeps_for_its_own_methods() -> None:
    """What pydantic's protected_namespaces would warn of at every class definition, checked here once instead."""
    protected = ("model_validate", "model_dump")  # pydantic's default protected_namespaces (2.10 on)
    clashing = [
        f"{model.__qualname__}.{name}" for model in MODELS for name in model.model_fields if name.startswith(protected)
    ]
    assert clashing == []


@pytest.mark.parametrize("model", MODELS, ids=lambda model: f"{model.__module__}.{model.__qualname__}")
def test_every_model_builds(model: type[pydantic.BaseModel]) -> None:
    """A deferred model's mistake (a bad annotation, an unresolved name) shows here, not in some command's answer."""
    model.model_rebuild(force=True)
    assert model.__pydantic_complete__


def _modules_after(code: str) -> set[str]:
    """The modules a fresh interpreter holds after running `code`, with this checkout first on its path."""
    report = f"{code}\nimport sys\nprint(' '.join(sys.modules), file=sys.stderr)"
    done = subprocess.run([sys.executable, "-c", report], cwd=ROOT, capture_output=True, text=True, check=True)
    return set(done.stderr.split())


CLI_ANSWER = "import sys; from bot.cli import main; sys.argv = ['llmcost', 'train', '175B', '500B']\ntry: main()\nexcept SystemExit: pass"


@pytest.mark.parametrize(
    "library",
    [
        "pydantic_settings",  # the Slack app's settings; the terminal reads LLMCOST_PRICES from its environment
        "dotenv",
        "asyncio",
        "bot.team.defaults",  # the team commands' settings (create_model, logging): Slack's alone
        "logging",
        "babel",  # CLDR's compact figures and plural rules are written in bot/wording, held to Babel by tests
        "argparse",  # a command typed without options is read without it (bot.cli.read_options)
    ],
)
def test_the_terminal_answers_without_what_only_the_slack_app_needs(library: str) -> None:
    assert library not in _modules_after(CLI_ANSWER)


def test_a_training_estimate_in_the_terminal_imports_no_serving_engine() -> None:
    """Serving, comparisons, sweeps and their wording are imported by the first command that asks for one."""
    serving = {"calc.infer", "calc.shapes", "calc.self_host", "calc.sweep", "bot.wording.comparison"}
    assert serving & _modules_after(CLI_ANSWER) == set()


def test_importing_the_terminal_reads_no_data_file() -> None:
    """The packaged runs, offers, purchases, API prices and shapes are read when a command first needs them."""
    readers = {
        "calc.runs": "load_runs_file",
        "calc.prices": "packaged_offers",
        "calc.ownership": "purchase_data",
        "calc.api_prices": "api_data",
        "calc.shapes": "_shapes",
    }
    check = "import bot.cli, importlib\n" + "\n".join(
        f"assert importlib.import_module({module!r}).{reader}.cache_info().currsize == 0, {reader!r}"
        for module, reader in readers.items()
    )
    subprocess.run([sys.executable, "-c", check], cwd=ROOT, check=True)
