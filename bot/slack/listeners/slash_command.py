"""`/llmcost <words>`: answered inside the acknowledgement, privately, with a button to share it and menus to
try another GPU or MFU. Bare `/llmcost` opens the estimate form instead."""

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot.render.blocks import SLASH, render_blocks
from bot.slack.asking import ask
from bot.slack.listeners.form import open_form
from bot.wording.report import Failure


async def answer_command(
    ack: AsyncAck, command: dict[str, Any], context: AsyncBoltContext, client: AsyncWebClient
) -> None:
    # An estimate takes microseconds: the answer is the ack itself, well inside Slack's 3 seconds.
    words = " ".join(command.get("text", "").split())
    reply = await ask(words, context)
    if not words:
        # The form speaks the language the answer would. Opened before the ack: should Slack refuse it, the
        # error listener's apology becomes the ack.
        await open_form(client, command["trigger_id"], command["channel_id"], reply.lang)
        await ack()
        return
    # Free text travels on as the command it was read as: Share and the menus re-run that, the same answer.
    if reply.read_back is not None:
        words = reply.read_back.read_as
    # Menus under a mistake in the typed words would only repeat it: they come with answers.
    controls = None if isinstance(reply, Failure) else words
    text, blocks = render_blocks(reply, share=words, controls=controls)
    await ack(response_type="ephemeral", text=text, blocks=blocks)


def register(app: AsyncApp) -> None:
    app.command(SLASH)(answer_command)
