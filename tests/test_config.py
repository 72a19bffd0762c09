"""What `Config()` reads (pydantic-settings, as configured in bot/config.py): the variables by name in any case,
from the environment or else `.env`, empty ones unset, each checked by its field's type."""

from pathlib import Path

import pytest

from bot.config import Config, ConfigError, load_config


@pytest.fixture
def shell(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """A working directory of its own and an environment without any variable Config reads."""
    monkeypatch.chdir(tmp_path)
    for name in Config.model_fields:
        monkeypatch.delenv(name.upper(), raising=False)
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_a_variable_is_read_from_the_environment_before_dot_env(shell: pytest.MonkeyPatch) -> None:
    Path(".env").write_text("PORT=4000\nLOG_LEVEL=debug\nSLACK_BOT_TOKEN=xoxb-from-file\n", encoding="utf-8")
    shell.setenv("PORT", "5000")
    config = Config()
    assert (config.port, config.log_level) == (5000, "DEBUG")
    assert config.slack_bot_token is not None and config.slack_bot_token.get_secret_value() == "xoxb-from-file"


def test_names_match_in_any_case_and_an_empty_variable_is_unset(shell: pytest.MonkeyPatch) -> None:
    Path(".env").write_text("slack_client_id=A1\nLLMCOST_ADMINS=U1, U2,,U3\n", encoding="utf-8")
    shell.setenv("Port", "4000")
    shell.setenv("SLACK_CLIENT_ID", "")  # empty: the file's value stands
    config = Config()
    assert (config.port, config.slack_client_id, config.llmcost_admins) == (4000, "A1", ("U1", "U2", "U3"))


def test_a_value_given_wins_over_the_variables(shell: pytest.MonkeyPatch) -> None:
    shell.setenv("PORT", "5000")
    assert Config(port=6000).port == 6000


@pytest.mark.parametrize(("name", "value"), [("PORT", "0"), ("PORT", "abc"), ("LOG_LEVEL", "loud")])
def test_a_bad_variable_is_named(shell: pytest.MonkeyPatch, name: str, value: str) -> None:
    shell.setenv(name, value)
    with pytest.raises(ConfigError, match=name):
        load_config()
