"""`/llmcost <words>`: answered inside the acknowledgement, privately, with a button to share it and menus to
try another GPU or MFU. Bare `/llmcost` opens the estimate form instead.

`command_ack` makes the acknowledgement for both ways a command arrives: Bolt's listener here (Socket Mode, OAuth
mode) and, in HTTP mode with one bot token, the route that answers commands without Bolt (bot.web.commands)."""

from collections.abc import Mapping
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext

from bot.render.blocks import SLASH, render_blocks
from bot.slack.asking import Asking, answer_for, asking_of
from bot.slack.listeners.form import open_form
from bot.wording.report import Failure


async def command_ack(command: Mapping[str, str], asking: Asking) -> dict[str, Any]:
    """The body of the acknowledgement of `command` (Slack's fields of a slash command): the answer as a private
    message, or nothing once the form is open."""
    # An estimate takes microseconds: the answer is the ack itself, well inside Slack's 3 seconds.
    words = " ".join(command.get("text", "").split())
    reply = await answer_for(words, asking)
    if not words:
        # The form speaks the language the answer would. Opened before the ack: should Slack refuse it, the
        # apology becomes the ack.
        await open_form(asking.client, command["trigger_id"], command["channel_id"], reply.lang)
        return {}
    # Free text travels on as the command it was read as: Share and the menus re-run that, the same answer.
    if reply.read_back is not None:
        words = reply.read_back.read_as
    # Menus under a mistake in the typed words would only repeat it: they come with answers.
    controls = None if isinstance(reply, Failure) else words
    text, blocks = render_blocks(reply, share=words, controls=controls)
    return {"text": text, "response_type": "ephemeral", "blocks": blocks}  # in the order of Bolt's ack


async def answer_command(ack: AsyncAck, command: dict[str, Any], context: AsyncBoltContext) -> None:
    """Bolt's listener: a failure reaches the errors listener, whose apology becomes the ack."""
    # As keywords: Bolt's ack() of nothing is an empty body, as Slack wants once the form is open.
    await ack(**await command_ack(command, asking_of(context)))


def register(app: AsyncApp) -> None:
    app.command(SLASH)(answer_command)
