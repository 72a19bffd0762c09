"""The estimate form: a bare `/llmcost` opens it; its fields become the words of a command, answered privately in
the channel it was opened from, or sent back as errors beside the field at fault."""

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot.render.blocks import render_blocks
from bot.render.views import (
    DAYS,
    FIELD_ACTION,
    GPU,
    GPUS,
    KIND,
    MFU,
    MODAL_CALLBACK,
    PARAMS,
    PRICE,
    TOKENS,
    modal_view,
)
from bot.slack.asking import ask
from bot.text.grammar import GrammarError, parse, words_of
from bot.wording.report import Failure

# The key each optional field is written with; where training (and renting) and serving differ, serving's comes
# second. `days=` is how long a rental lasts, and the time a training run must finish in.
_KEYS = {
    GPU: ("gpu", "gpu"),
    PRICE: ("price", "price"),
    MFU: ("mfu", "mfu"),
    GPUS: ("gpus", "cards"),
    DAYS: ("days", "days"),
}

Word = tuple[str, str]  # (the field's block_id, the word it gave)


async def open_form(client: AsyncWebClient, trigger_id: str, channel_id: str, lang: str) -> None:
    await client.views_open(trigger_id=trigger_id, view=modal_view(lang, channel_id))


def form_words(values: dict[str, dict[str, dict[str, Any]]]) -> list[Word]:
    """The filled fields as the words of a command, in the grammar's order: `train <params> [tokens] key=value ...`
    (`rent [gpu] key=value ...` names no model: a size typed for a rental is read, and refused, as its GPU)."""

    def read(block_id: str) -> str:
        state = values.get(block_id, {}).get(FIELD_ACTION, {})
        chosen = state.get("selected_option") or {}
        # One field is one word: spaces typed inside it ("175 B") would split it in two.
        return "".join(str(state.get("value") or chosen.get("value") or "").split())

    kind = read(KIND) or "train"
    serving = kind == "infer"
    words = [(KIND, kind), (PARAMS, read(PARAMS))]
    tokens = read(TOKENS)
    if tokens:
        # Training reads its tokens in place; serving's are per request, written `tokens=` (which a rental refuses).
        words.append((TOKENS, tokens if kind == "train" else f"tokens={tokens}"))
    for block_id, keys in _KEYS.items():
        value = read(block_id)
        if value:
            words.append((block_id, f"{keys[serving]}={value}"))
    return [(block_id, word) for block_id, word in words if word]


def field_at_fault(words: list[Word]) -> str:
    """The block_id of the field the grammar rejects; the GPU's when the grammar took every word (the engine
    could not estimate on that GPU: no public price, no such precision); the size's when no word is named."""
    try:
        parse(" ".join(word for _, word in words))
    except GrammarError as error:
        rejected = error.values.get("word")
        return next((block_id for block_id, word in words if " ".join(words_of(word)) == rejected), PARAMS)
    return GPU


async def submit_form(
    ack: AsyncAck, body: dict[str, Any], view: dict[str, Any], context: AsyncBoltContext, client: AsyncWebClient
) -> None:
    words = form_words(view["state"]["values"])
    text = " ".join(word for _, word in words)
    reply = await ask(text, context, free_text=False)
    if isinstance(reply, Failure):
        # A form shows plain text: the backticks that mark words in a message would show as such.
        await ack(response_action="errors", errors={field_at_fault(words): reply.message.replace("`", "")})
        return
    await ack()
    fallback, blocks = render_blocks(reply, share=text, controls=text)
    await client.chat_postEphemeral(
        channel=view["private_metadata"], user=body["user"]["id"], text=fallback, blocks=blocks
    )


def register(app: AsyncApp) -> None:
    app.view_submission(MODAL_CALLBACK)(submit_form)
