"""`@llmcost <words>` in a channel: answered in the thread, once even when Slack retries the event."""

import re
from typing import Any

from slack_bolt.async_app import AsyncApp, AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot.render.blocks import render_blocks
from bot.slack.asking import ask
from bot.slack.services import services_of


def words_of_mention(text: str, bot_user_id: str | None) -> str:
    """The text without the bot's own mention (`<@U123>` or `<@U123|name>`), wherever it stands; and, whoever's
    it is, the mention the message begins with: an app_mention starts by naming the bot, whose id Bolt may not
    know yet (Socket Mode before auth.test, a fresh install)."""
    if bot_user_id:
        text = re.sub(rf"<@{re.escape(bot_user_id)}(?:\|[^>]*)?>", " ", text)
    text = re.sub(r"^\s*<@[A-Z0-9]+(?:\|[^>]*)?>", " ", text)
    return " ".join(text.split())


async def answer_event_once(
    event: dict[str, Any], body: dict[str, Any], context: AsyncBoltContext, client: AsyncWebClient
) -> None:
    """A mention's words (or a direct message's), without the bot's mention, answered in its thread by whichever
    process claims the event first: Slack redelivers an event it thinks was missed, perhaps to another process."""
    if not await services_of(context).handled_events.claim(body["event_id"]):
        return
    # A message in the thread is public already: no Share button.
    text, blocks = render_blocks(await ask(words_of_mention(event.get("text", ""), context.bot_user_id), context))
    await client.chat_postMessage(
        channel=event["channel"], thread_ts=event.get("thread_ts", event["ts"]), text=text, blocks=blocks
    )


def register(app: AsyncApp) -> None:
    app.event("app_mention")(answer_event_once)
