"""The Slack app, built from settings: one factory for HTTP mode and Socket Mode."""

from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.listeners import actions, commands, controls, errors, events, home, modal
from bot.settings import Settings


def create_app(settings: Settings) -> AsyncApp:
    token = settings.slack_bot_token.get_secret_value()
    # SLACK_API_URL points the Web API client elsewhere (tests: a local fake). Otherwise Bolt builds its own
    # client from the token; given both, it would warn that the token goes unused.
    web_api: dict[str, Any] = (
        {"client": AsyncWebClient(token=token, base_url=str(settings.slack_api_url))}
        if settings.slack_api_url is not None
        else {"token": token}
    )
    secret = settings.slack_signing_secret
    app = AsyncApp(
        **web_api,
        # Socket Mode has no HTTP requests to verify; HTTP mode always has a secret (load_settings checks it).
        signing_secret=secret.get_secret_value() if secret else "",
        name="llmcost",
    )
    for listeners in (commands, actions, controls, modal, home, events, errors):
        listeners.register(app)
    return app
