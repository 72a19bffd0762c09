"""The "Share in channel" button: post the same estimate for everyone, then remove the private copy."""

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext, AsyncRespond

from bot.render.blocks import SHARE_ACTION, render_blocks
from bot.slack.asking import ask


async def share_in_channel(
    ack: AsyncAck, action: dict[str, Any], body: dict[str, Any], context: AsyncBoltContext, respond: AsyncRespond
) -> None:
    # The button carries the words, not the figures: the estimate is made again, never read back from blocks.
    # Made before the ack: Bolt forgets an ack when the listener raises right after it, and answers 404.
    text, blocks = render_blocks(await ask(action["value"], context), shared_by=body["user"]["id"])
    await ack()
    # Public copy first: if it fails, the private one is still there.
    await respond(text=text, blocks=blocks, response_type="in_channel", replace_original=False)
    await respond(delete_original=True)


def register(app: AsyncApp) -> None:
    app.action(SHARE_ACTION)(share_in_channel)
