"""Lay out the two views the app shows besides messages: the estimate form (bare `/llmcost`) and the Home tab.

Formatting only, as in bot.render_blocks, whose escaping and limits these reuse.
"""

from typing import Any

from slack_sdk.models.blocks import (
    Block,
    ContextBlock,
    DividerBlock,
    InputBlock,
    InputInteractiveElement,
    PlainTextInputElement,
    PlainTextObject,
    SectionBlock,
    StaticSelectElement,
)
from slack_sdk.models.views import View

from bot.i18n import t
from bot.render_blocks import chunks, fit, gpu_options, header, listing_blocks, mrkdwn, option
from bot.report import Listing

MODAL_CALLBACK = "llmcost_estimate"
# Every input's element has this action_id: a field is known by its block_id alone.
FIELD_ACTION = "value"
# The form's fields by block_id, each with the example its empty box shows (command syntax: the same in every
# language). The kind and the GPU are menus, the others typed.
KIND, PARAMS, TOKENS, GPU, PRICE, MFU, GPUS = "kind", "params", "tokens", "gpu", "price", "mfu", "gpus"
PLACEHOLDERS = {PARAMS: "175B", TOKENS: "500B", PRICE: "2.5", MFU: "35%", GPUS: "1024"}
KINDS = ("train", "infer")
# One typed value is one word of a command, and short ones keep the whole command within a block_id, where
# the estimate's menus carry it (bot.render_blocks).
MAX_TYPED = 40

# Slack's limits for views (api.slack.com/reference/surfaces/views).
MAX_VIEW_BLOCKS = 100
MAX_VIEW_TITLE = 24
MAX_LABEL = 2000
MAX_HINT = 2000
MAX_METADATA = 3000

ViewDict = dict[str, Any]


def _plain(text: str, limit: int) -> PlainTextObject:
    return PlainTextObject(text=fit(text, limit))


def _field(block_id: str, lang: str, element: InputInteractiveElement, optional: bool = True) -> InputBlock:
    return InputBlock(
        block_id=block_id,
        label=_plain(t(lang, f"modal_{block_id}"), MAX_LABEL),
        hint=_plain(t(lang, f"modal_{block_id}_hint"), MAX_HINT) if block_id != KIND else None,
        element=element,
        optional=optional,
    )


def _typed(block_id: str) -> PlainTextInputElement:
    return PlainTextInputElement(action_id=FIELD_ACTION, placeholder=PLACEHOLDERS[block_id], max_length=MAX_TYPED)


def modal_view(lang: str, channel_id: str) -> ViewDict:
    """The form a bare `/llmcost` opens; `channel_id` (where it was typed) rides along to answer there."""
    kinds = [option(t(lang, f"modal_kind_{kind}"), kind) for kind in KINDS]
    blocks: list[Block] = [
        SectionBlock(text=mrkdwn(t(lang, "modal_intro"))),
        _field(KIND, lang, StaticSelectElement(action_id=FIELD_ACTION, options=kinds, initial_option=kinds[0]), False),
        _field(PARAMS, lang, _typed(PARAMS), optional=False),
        _field(TOKENS, lang, _typed(TOKENS)),
        _field(GPU, lang, StaticSelectElement(action_id=FIELD_ACTION, options=gpu_options(lang))),
        _field(PRICE, lang, _typed(PRICE)),
        _field(MFU, lang, _typed(MFU)),
        _field(GPUS, lang, _typed(GPUS)),
    ]
    return View(
        type="modal",
        callback_id=MODAL_CALLBACK,
        title=_plain(t(lang, "modal_title"), MAX_VIEW_TITLE),
        submit=_plain(t(lang, "modal_submit"), MAX_VIEW_TITLE),
        close=_plain(t(lang, "modal_close"), MAX_VIEW_TITLE),
        private_metadata=channel_id[:MAX_METADATA],
        blocks=blocks,
    ).to_dict()


def home_view(catalog: list[str], defaults: Listing | None, lang: str) -> ViewDict:
    """The Home tab: how to ask, examples, the team's defaults (when known), and the GPU catalog's lines."""
    blocks: list[Block] = [
        header(t(lang, "home_title")),
        SectionBlock(text=mrkdwn(t(lang, "home_intro"))),
        SectionBlock(text=mrkdwn(f"*{t(lang, 'help_examples')}*\n{t(lang, 'help_example_lines')}")),
    ]
    if defaults is not None:
        blocks += [DividerBlock(), *listing_blocks(defaults)[1]]
    blocks += [DividerBlock(), header(t(lang, "home_catalog"))]
    blocks += [SectionBlock(text=mrkdwn(chunk)) for chunk in chunks(catalog)]
    blocks.append(ContextBlock(elements=[mrkdwn(t(lang, "gpus_footer"))]))
    return View(type="home", blocks=blocks[:MAX_VIEW_BLOCKS]).to_dict()
