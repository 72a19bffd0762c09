"""The Home tab: how to ask, examples, the team's defaults and the GPU catalog, published when it is opened."""

from datetime import date
from typing import Any

from slack_bolt.async_app import AsyncApp, AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot.render.views import home_view
from bot.slack.asking import ask
from bot.wording.listings import catalog_lines
from bot.wording.report import Listing


async def publish_home(event: dict[str, Any], context: AsyncBoltContext, client: AsyncWebClient) -> None:
    if event.get("tab") != "home":  # the Messages tab opens this event too
        return
    # `settings` answers with the team's defaults in the reader's language, as a command would: the Home tab
    # learns both through the one way every listener asks.
    settings = await ask("settings", context)
    defaults = settings if isinstance(settings, Listing) else None
    view = home_view(catalog_lines(settings.lang, date.today()), defaults, settings.lang)
    await client.views_publish(user_id=event["user"], view=view)


def register(app: AsyncApp) -> None:
    app.event("app_home_opened")(publish_home)
