"""`/llmcost <words>`: answered inside the acknowledgement, privately, with a button to share it."""

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp

from bot.listeners.asking import answer
from bot.render_blocks import SLASH, render_blocks


async def answer_command(ack: AsyncAck, command: dict[str, Any]) -> None:
    # An estimate takes microseconds: the answer is the ack itself, well inside Slack's 3 seconds.
    words = " ".join(command.get("text", "").split())
    text, blocks = render_blocks(await answer(words, command), share=words)
    await ack(response_type="ephemeral", text=text, blocks=blocks)


def register(app: AsyncApp) -> None:
    app.command(SLASH)(answer_command)
