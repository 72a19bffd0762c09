"""The Slack app, built from the configuration: one factory for HTTP mode and Socket Mode, one workspace or many (OAuth)."""

from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_sdk.web.async_client import AsyncWebClient

from bot.config import Config
from bot.slack.listeners import errors, form, home, mentions, menus, share, slash_command
from bot.slack.people import People
from bot.slack.services import Services, provide
from bot.store.serving import ServingDatabase

# Slack's own default: an install begun must be finished within ten minutes.
OAUTH_STATE_SECONDS = 600


def oauth_settings(config: Config, database: ServingDatabase) -> AsyncOAuthSettings:
    """Bolt's OAuth flow (`/slack/install`, `/slack/oauth_redirect`) keeping installations and the flow's state in
    the app's database, so every web process finds every workspace's token, and a restart loses none; while the
    database is away, a workspace this process has answered before is answered still (bot.store.installations)."""
    # Imported here: an app with one bot token never needs them, and they are slow to import.
    from slack_sdk.oauth.installation_store.sqlalchemy import AsyncSQLAlchemyInstallationStore
    from slack_sdk.oauth.state_store.sqlalchemy import AsyncSQLAlchemyOAuthStateStore

    from bot.store.installations import RememberedInstallations

    assert config.slack_client_id is not None and config.slack_client_secret is not None
    engine = database.engine
    stored = AsyncSQLAlchemyInstallationStore(client_id=config.slack_client_id, engine=engine)
    return AsyncOAuthSettings(
        client_id=config.slack_client_id,
        client_secret=config.slack_client_secret.get_secret_value(),
        scopes=config.slack_scopes,
        redirect_uri=str(config.slack_redirect_uri) if config.slack_redirect_uri else None,
        installation_store=RememberedInstallations(stored, database.availability),
        state_store=AsyncSQLAlchemyOAuthStateStore(expiration_seconds=OAUTH_STATE_SECONDS, engine=engine),
        state_expiration_seconds=OAUTH_STATE_SECONDS,
    )


def web_api(config: Config, database: ServingDatabase) -> dict[str, Any]:
    """How the app authorizes: one bot token, or each workspace's installation (OAuth)."""
    token = None if config.oauth or config.slack_bot_token is None else config.slack_bot_token.get_secret_value()
    found: dict[str, Any] = {"oauth_settings": oauth_settings(config, database)} if config.oauth else {}
    # SLACK_API_URL points the Web API client elsewhere (tests: a local fake). Otherwise Bolt builds its own
    # client from the token; given both, it would warn that the token goes unused.
    if config.slack_api_url is not None:
        return found | {"client": AsyncWebClient(token=token, base_url=str(config.slack_api_url))}
    return found | {"token": token}


def create_app(config: Config, database: ServingDatabase | None = None) -> AsyncApp:
    """The app, on `database` (by default the one `config` names, opened here); it must be migrated already
    (`python -m bot` does it before serving). The request path gives up on it quickly and answers without it."""
    database = database or ServingDatabase(config.database())
    secret = config.slack_signing_secret
    app = AsyncApp(
        **web_api(config, database),
        # Socket Mode has no HTTP requests to verify; HTTP mode always has a secret (load_config checks it).
        signing_secret=secret.get_secret_value() if secret else "",
        name="llmcost",
    )
    services = Services(
        store=database.team_settings,
        people=People(),
        handled_events=database.event_claims,
        admins=config.llmcost_admins,
    )
    app.middleware(provide(services))
    for listeners in (slash_command, share, menus, form, home, mentions, errors):
        listeners.register(app)
    return app
