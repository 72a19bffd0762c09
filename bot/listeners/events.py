"""`@llmcost <words>` in a channel: answered in the thread, once even when Slack retries the event."""

import re
from collections import OrderedDict
from typing import Any

from slack_bolt.async_app import AsyncApp, AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot.listeners.asking import answer
from bot.render_blocks import render_blocks


class SeenEvents:
    """The ids of the latest events, bounded: Slack redelivers an event it thinks we missed (X-Slack-Retry-Num).

    Deduplicating on the id, rather than ignoring every retry, still answers an event whose first delivery
    really was lost.
    """

    def __init__(self, size: int = 1000) -> None:
        self._ids: OrderedDict[str, None] = OrderedDict()
        self._size = size

    def first_time(self, event_id: str) -> bool:
        if event_id in self._ids:
            return False
        self._ids[event_id] = None
        if len(self._ids) > self._size:
            self._ids.popitem(last=False)
        return True


def words_of_mention(text: str, bot_user_id: str | None) -> str:
    """The text without the bot's own mention (`<@U123>` or `<@U123|name>`), wherever it stands."""
    if bot_user_id:
        text = re.sub(rf"<@{re.escape(bot_user_id)}(?:\|[^>]*)?>", " ", text)
    return " ".join(text.split())


def register(app: AsyncApp) -> None:
    seen = SeenEvents()

    @app.event("app_mention")
    async def answer_mention(
        event: dict[str, Any], body: dict[str, Any], context: AsyncBoltContext, client: AsyncWebClient
    ) -> None:
        if not seen.first_time(body["event_id"]):
            return
        reply = await answer(words_of_mention(event.get("text", ""), context.bot_user_id), body)
        # A thread reply is public already: no Share button.
        text, blocks = render_blocks(reply)
        await client.chat_postMessage(
            channel=event["channel"], thread_ts=event.get("thread_ts", event["ts"]), text=text, blocks=blocks
        )
