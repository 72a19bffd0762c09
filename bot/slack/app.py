"""The Slack app, built from the configuration: one factory for HTTP mode and Socket Mode, one workspace or many (OAuth)."""

from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_sdk.web.async_client import AsyncWebClient
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.config import Config
from bot.slack.listeners import direct_messages, errors, form, home, mentions, menus, share, slash_command
from bot.slack.people import People
from bot.slack.services import Services, provide
from bot.store.database import create_engine
from bot.store.handled_events import HandledEvents
from bot.store.team_settings import TeamSettings

# Slack's own default: an install begun must be finished within ten minutes.
OAUTH_STATE_SECONDS = 600


def oauth_settings(config: Config, engine: AsyncEngine) -> AsyncOAuthSettings:
    """Bolt's OAuth flow (`/slack/install`, `/slack/oauth_redirect`) keeping installations and the flow's state in
    the app's database, so every web process finds every workspace's token, and a restart loses none."""
    # Imported here: an app with one bot token never needs them, and they are slow to import.
    from slack_sdk.oauth.installation_store.sqlalchemy import AsyncSQLAlchemyInstallationStore
    from slack_sdk.oauth.state_store.sqlalchemy import AsyncSQLAlchemyOAuthStateStore

    assert config.slack_client_id is not None and config.slack_client_secret is not None
    return AsyncOAuthSettings(
        client_id=config.slack_client_id,
        client_secret=config.slack_client_secret.get_secret_value(),
        scopes=config.slack_scopes,
        redirect_uri=str(config.slack_redirect_uri) if config.slack_redirect_uri else None,
        installation_store=AsyncSQLAlchemyInstallationStore(client_id=config.slack_client_id, engine=engine),
        state_store=AsyncSQLAlchemyOAuthStateStore(expiration_seconds=OAUTH_STATE_SECONDS, engine=engine),
        state_expiration_seconds=OAUTH_STATE_SECONDS,
    )


def web_api(config: Config, engine: AsyncEngine) -> dict[str, Any]:
    """How the app authorizes: one bot token, or each workspace's installation (OAuth)."""
    token = None if config.oauth or config.slack_bot_token is None else config.slack_bot_token.get_secret_value()
    found: dict[str, Any] = {"oauth_settings": oauth_settings(config, engine)} if config.oauth else {}
    # SLACK_API_URL points the Web API client elsewhere (tests: a local fake). Otherwise Bolt builds its own
    # client from the token; given both, it would warn that the token goes unused.
    if config.slack_api_url is not None:
        return found | {"client": AsyncWebClient(token=token, base_url=str(config.slack_api_url))}
    return found | {"token": token}


def create_app(config: Config) -> AsyncApp:
    """The app; its database must be migrated already (`python -m bot` does it before serving)."""
    engine = create_engine(config.database())
    secret = config.slack_signing_secret
    app = AsyncApp(
        **web_api(config, engine),
        # Socket Mode has no HTTP requests to verify; HTTP mode always has a secret (load_config checks it).
        signing_secret=secret.get_secret_value() if secret else "",
        name="llmcost",
    )
    services = Services(
        store=TeamSettings(engine),
        people=People(),
        handled_events=HandledEvents(engine),
        admins=config.llmcost_admins,
    )
    app.middleware(provide(services))
    for listeners in (slash_command, share, menus, form, home, mentions, direct_messages, errors):
        listeners.register(app)
    return app
