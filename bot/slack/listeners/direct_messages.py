"""A direct message to the bot (message.im): the whole message is the question, answered in its thread once, even
when Slack retries the event. The bot's own messages and edits, deletions and other subtypes are not questions."""

from typing import Any

from slack_bolt.async_app import AsyncApp, AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot.slack.listeners.mentions import answer_event_once


async def answer_direct_message(
    event: dict[str, Any], body: dict[str, Any], context: AsyncBoltContext, client: AsyncWebClient
) -> None:
    if event.get("channel_type") != "im" or event.get("subtype") or event.get("bot_id"):
        return
    # As a mention is; someone may still begin with the bot's name out of habit.
    await answer_event_once(event, body, context, client)


def register(app: AsyncApp) -> None:
    app.event("message")(answer_direct_message)
