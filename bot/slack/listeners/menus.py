"""The GPU and MFU menus under a private estimate (a rental has the GPU menu alone): the choice re-runs the words
with it, in place."""

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext, AsyncRespond

from bot.render.blocks import GPU_ACTION, MFU_ACTION, render_blocks
from bot.slack.asking import ask
from bot.text.choices import GPU, MFU, with_choice

KEYS = {GPU_ACTION: GPU, MFU_ACTION: MFU}


async def choose(ack: AsyncAck, action: dict[str, Any], context: AsyncBoltContext, respond: AsyncRespond) -> None:
    # The menus' block carries the words (bot.render.blocks); the option chosen is a catalog id or an MFU.
    words = with_choice(action["block_id"], KEYS[action["action_id"]], action["selected_option"]["value"])
    # A failure (a GPU without a public price) keeps the menus, so that another can be picked.
    # Made before the ack, as in bot.slack.listeners.actions.
    text, blocks = render_blocks(await ask(words, context), share=words, controls=words)
    await ack()
    await respond(text=text, blocks=blocks, response_type="ephemeral", replace_original=True)


def register(app: AsyncApp) -> None:
    for action_id in KEYS:
        app.action(action_id)(choose)
