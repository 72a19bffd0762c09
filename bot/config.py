"""The process's configuration: every entry point reads it here, from the environment and `.env`.

`python -m bot` (the Slack app), `python -m bot.store upgrade` and Alembic's env all call `load_config()`;
only the Slack app goes on to demand Slack's variables (`check_slack`). The terminal (`llmcost`) reads its one
setting, LLMCOST_PRICES, from its environment through bot.operator_prices, without this module.
"""

from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import AnyHttpUrl, BeforeValidator, Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.operator_prices import ConfigError
from bot.wording.i18n import DEFAULT_LANG, t

if TYPE_CHECKING:
    from sqlalchemy import URL

LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR"]
# What the app asks a workspace for when installed through OAuth; manifest.yml lists the same.
BOT_SCOPES = "commands,chat:write,app_mentions:read,users:read,im:history"


def _comma_separated(value: object) -> object:
    return tuple(part.strip() for part in value.split(",") if part.strip()) if isinstance(value, str) else value


class Config(BaseSettings):
    """Every variable the bot reads; `.env.example` documents each one."""

    # `.env` in the working directory, as a PaaS or a developer's shell has it; real variables win over it.
    # An empty variable counts as unset, so `SLACK_BOT_TOKEN=` is reported missing instead of failing later.
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", env_ignore_empty=True, extra="ignore")

    slack_bot_token: SecretStr | None = None  # required unless OAuth installs the app (check_slack)
    slack_signing_secret: SecretStr | None = None
    slack_app_token: SecretStr | None = None
    slack_api_url: AnyHttpUrl | None = None
    # Multi-workspace install (OAuth) when both are set; tokens then come from the installations in the database.
    slack_client_id: str | None = None
    slack_client_secret: SecretStr | None = None
    slack_scopes: str = BOT_SCOPES
    slack_redirect_uri: AnyHttpUrl | None = None
    # It may hold the database's password: a SecretStr never shows it in a repr or a log.
    database_url: SecretStr | None = None
    llmcost_admins: Annotated[tuple[str, ...], NoDecode, BeforeValidator(_comma_separated)] = ()
    # An operator's file of GPU offers (the form of calc/data/gpu_offers.json): added to the packaged ones, or in
    # their place when it says "replace": true. Read at start-up by bot.operator_prices.load_prices.
    llmcost_prices: str | None = None
    port: int = Field(default=3000, ge=1, le=65535)
    log_level: Annotated[LogLevel, BeforeValidator(lambda value: str(value).upper())] = "INFO"

    @property
    def oauth(self) -> bool:
        return self.slack_client_id is not None and self.slack_client_secret is not None

    def database_text(self) -> str | None:
        """DATABASE_URL as given; None when unset, which means the SQLite file (bot.store.location)."""
        return self.database_url.get_secret_value() if self.database_url else None

    def database(self) -> "URL":
        """The async URL of the database of team defaults, for SQLAlchemy (bot.store.database)."""
        # Imported here: a web process on a SQLite file never needs SQLAlchemy (bot.store.serving).
        from bot.store.database import database_url

        return database_url(self.database_text())


def load_config() -> Config:
    """The config from the environment and `.env`, or a ConfigError naming the first invalid variable."""
    try:
        return Config()
    except ValidationError as error:
        first = error.errors()[0]
        name = str(first["loc"][0]).upper()
        code = "config_missing" if first["type"] == "missing" else "config_invalid"
        raise ConfigError(t(DEFAULT_LANG, code, name=name)) from None


def check_slack(config: Config) -> None:
    """What the Slack app needs and no single variable shows: which mode the variables choose, and that it has
    what it needs. Only `python -m bot` asks: the database's upgrade runs without any Slack variable."""
    if (config.slack_client_id is None) != (config.slack_client_secret is None):
        missing = "SLACK_CLIENT_ID" if config.slack_client_id is None else "SLACK_CLIENT_SECRET"
        raise ConfigError(t(DEFAULT_LANG, "config_missing", name=missing))
    if config.oauth and config.slack_app_token is not None:
        raise ConfigError(t(DEFAULT_LANG, "config_oauth_socket_mode"))
    if not config.oauth and config.slack_bot_token is None:
        raise ConfigError(t(DEFAULT_LANG, "config_missing", name="SLACK_BOT_TOKEN"))
    # HTTP mode verifies every request with the signing secret; Socket Mode needs no public URL and no secret.
    if config.slack_app_token is None and config.slack_signing_secret is None:
        raise ConfigError(t(DEFAULT_LANG, "config_missing", name="SLACK_SIGNING_SECRET"))
