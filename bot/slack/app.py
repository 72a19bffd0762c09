"""The Slack app, built from the configuration: one factory for HTTP mode and Socket Mode, one workspace or many (OAuth)."""

import copy
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.listener.async_listener import AsyncListener
from slack_bolt.listener.asyncio_runner import AsyncioListenerRunner
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.request.payload_utils import is_slash_command
from slack_bolt.response import BoltResponse
from slack_sdk.web.async_client import AsyncWebClient

from bot.config import Config
from bot.slack.listeners import direct_messages, errors, form, home, mentions, menus, share, slash_command
from bot.slack.people import People
from bot.slack.services import ProvideServices, Services
from bot.store.serving import ServingDatabase, serving_database

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
    from bot.store.sqlalchemy_serving import SQLAlchemyDatabase

    assert config.slack_client_id is not None and config.slack_client_secret is not None
    assert isinstance(database, SQLAlchemyDatabase), "OAuth mode keeps installations through SQLAlchemy"
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


class CommandsAnsweredInTheAck(AsyncioListenerRunner):
    """Bolt's listener runner, except that a slash command's listener runs to its end before the HTTP response.
    (In HTTP mode with one bot token commands never reach Bolt: bot.web.commands answers them. This serves them
    in Socket Mode and OAuth mode.)

    Bolt (process_before_response off) runs every listener in a task and polls for its ack every 10 ms: each
    command would wait 10 ms at least and wake the loop for nothing. A command's answer is the ack itself, so
    nothing is lost by finishing first. Everything else (Share, menus, the form, mentions, the Home tab) keeps
    Bolt's way, its work after the ack off the request path. Either way a failure reaches the app's error
    handler (the apology), which is this runner's own and is set by `app.error` as before.
    """

    async def run(
        self,
        request: AsyncBoltRequest,
        response: BoltResponse,
        listener_name: str,
        listener: AsyncListener,
        starting_time: float | None = None,
    ) -> BoltResponse | None:
        if not is_slash_command(request.body):
            return await super().run(request, response, listener_name, listener, starting_time)
        # A copy, not a switch: another request's listener may be running on this runner meanwhile.
        before_response = copy.copy(self)
        before_response.process_before_response = True
        return await AsyncioListenerRunner.run(
            before_response, request, response, listener_name, listener, starting_time
        )


def answer_commands_in_the_ack(app: AsyncApp) -> None:
    """Install CommandsAnsweredInTheAck in place of Bolt's runner; before `app.error`, which sets its handler."""
    bolt = app.listener_runner
    app._async_listener_runner = CommandsAnsweredInTheAck(  # Bolt has no setter for it
        logger=bolt.logger,
        process_before_response=False,
        listener_error_handler=bolt.listener_error_handler,
        listener_start_handler=bolt.listener_start_handler,
        listener_completion_handler=bolt.listener_completion_handler,
        lazy_listener_runner=bolt.lazy_listener_runner,
    )


class LlmcostApp(AsyncApp):
    """Bolt's app, with the services its listeners share and the signing secret, which HTTP mode's command route
    (bot.web.commands) uses too: one set of services whichever way a request comes in."""

    def __init__(self, *, services: Services, signing_secret: str, **bolt: Any) -> None:
        super().__init__(signing_secret=signing_secret, **bolt)
        self.services = services
        self.signing_secret = signing_secret
        self.middleware(ProvideServices(services))


def create_app(config: Config, database: ServingDatabase | None = None) -> LlmcostApp:
    """The app, on `database` (by default the one `config` names, opened here); it must be migrated already
    (`python -m bot` does it before serving). The request path gives up on it quickly and answers without it."""
    database = database or serving_database(config.database_text(), oauth=config.oauth)
    secret = config.slack_signing_secret
    services = Services(
        store=database.team_settings,
        people=People(),
        handled_events=database.event_claims,
        admins=config.llmcost_admins,
    )
    app = LlmcostApp(
        **web_api(config, database),
        services=services,
        # Socket Mode has no HTTP requests to verify; HTTP mode always has a secret (check_slack demands it).
        signing_secret=secret.get_secret_value() if secret else "",
        name="llmcost",
    )
    answer_commands_in_the_ack(app)
    for listeners in (slash_command, share, menus, form, home, mentions, direct_messages, errors):
        listeners.register(app)
    return app
