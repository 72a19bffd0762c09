"""The bot's configuration, read from the environment (and `.env`, loaded by `python -m bot`)."""

from typing import Annotated, Literal

from pydantic import AnyHttpUrl, BeforeValidator, Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.i18n import DEFAULT_LANG, t

LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR"]


class Settings(BaseSettings):
    """Every variable the bot reads; `.env.example` documents each one."""

    # An empty variable counts as unset, so `SLACK_BOT_TOKEN=` is reported missing instead of failing later.
    model_config = SettingsConfigDict(env_ignore_empty=True, extra="ignore")

    slack_bot_token: SecretStr
    slack_signing_secret: SecretStr | None = None
    slack_app_token: SecretStr | None = None
    slack_api_url: AnyHttpUrl | None = None
    port: int = Field(default=3000, ge=1, le=65535)
    log_level: Annotated[LogLevel, BeforeValidator(lambda value: str(value).upper())] = "INFO"


class ConfigError(Exception):
    """A required setting is missing or one is invalid; the message names the variable, never its value."""


def load_settings() -> Settings:
    """The settings from the environment, or a ConfigError naming the first missing or invalid variable."""
    try:
        settings = Settings()
    except ValidationError as error:
        first = error.errors()[0]
        name = str(first["loc"][0]).upper()
        code = "config_missing" if first["type"] == "missing" else "config_invalid"
        raise ConfigError(t(DEFAULT_LANG, code, name=name)) from None
    # HTTP mode verifies every request with the signing secret; Socket Mode needs no public URL and no secret.
    if settings.slack_app_token is None and settings.slack_signing_secret is None:
        raise ConfigError(t(DEFAULT_LANG, "config_missing", name="SLACK_SIGNING_SECRET"))
    return settings
