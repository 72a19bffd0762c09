"""Lay out the two views the app shows besides messages: the estimate form (bare `/llmcost`) and the Home tab.

Formatting only, as in bot.render.blocks; the objects come from bot.render.block_kit, which escapes and cuts them.
"""

from bot.render.block_kit import (
    BlockKit,
    context,
    divider,
    header,
    home_tab,
    input_block,
    modal,
    mrkdwn,
    option,
    plain_text_input,
    section,
    static_select,
)
from bot.render.blocks import gpu_options, listing_blocks, mrkdwn_sections
from bot.wording.i18n import t
from bot.wording.report import Listing
from calc.gpus import DEFAULT_GPU_ID, get_gpu
from calc.infer import CHAT_INPUT, CHAT_OUTPUT
from calc.infer import TYPICAL_MFU as INFER_MFU
from calc.mfu import fit_for
from calc.train import CHINCHILLA_TOKENS_PER_PARAM

MODAL_CALLBACK = "llmcost_estimate"
# Every input's element has this action_id: a field is known by its block_id alone.
FIELD_ACTION = "value"
# The form's fields by block_id, each with the example its empty box shows (command syntax: the same in every
# language). The kind and the GPU are menus, the others typed.
KIND, PARAMS, TOKENS, GPU, PRICE, MFU, GPUS, DAYS = "kind", "params", "tokens", "gpu", "price", "mfu", "gpus", "days"
PLACEHOLDERS = {PARAMS: "175B", TOKENS: "500B", PRICE: "2.5", MFU: "35%", GPUS: "1024", DAYS: "30"}
KINDS = ("train", "infer", "rent")
# One typed value is one word of a command, and short ones keep the whole command within a block_id, where
# the estimate's menus carry it (bot.render.blocks).
MAX_TYPED = 40
# The engine's defaults the hints name.
HINT_VALUES = {
    "per_param": CHINCHILLA_TOKENS_PER_PARAM,
    "input": CHAT_INPUT,
    "output": CHAT_OUTPUT,
    "train_mfu": f"{fit_for(get_gpu(DEFAULT_GPU_ID)).mfu * 100:g}%",
    "infer_mfu": f"{INFER_MFU * 100:g}%",
}


def _field(block_id: str, lang: str, element: BlockKit, optional: bool = True) -> BlockKit:
    hint = t(lang, f"modal_{block_id}_hint", **HINT_VALUES) if block_id != KIND else None
    return input_block(block_id, t(lang, f"modal_{block_id}"), element, hint=hint, optional=optional)


def _typed(block_id: str) -> BlockKit:
    return plain_text_input(FIELD_ACTION, PLACEHOLDERS[block_id], MAX_TYPED)


def modal_view(lang: str, channel_id: str) -> BlockKit:
    """The form a bare `/llmcost` opens; `channel_id` (where it was typed) rides along to answer there."""
    kinds = [option(t(lang, f"modal_kind_{kind}"), kind) for kind in KINDS]
    blocks = [
        section(mrkdwn(t(lang, "modal_intro"))),
        _field(KIND, lang, static_select(FIELD_ACTION, kinds, chosen=KINDS[0]), optional=False),
        # Renting GPUs names no model: the grammar, not the form, asks training and serving for one.
        _field(PARAMS, lang, _typed(PARAMS)),
        _field(TOKENS, lang, _typed(TOKENS)),
        _field(GPU, lang, static_select(FIELD_ACTION, gpu_options(lang))),
        _field(PRICE, lang, _typed(PRICE)),
        _field(MFU, lang, _typed(MFU)),
        _field(GPUS, lang, _typed(GPUS)),
        _field(DAYS, lang, _typed(DAYS)),
    ]
    return modal(
        MODAL_CALLBACK,
        title=t(lang, "modal_title"),
        submit=t(lang, "modal_submit"),
        close=t(lang, "modal_close"),
        private_metadata=channel_id,
        blocks=blocks,
    )


def home_view(catalog: list[str], defaults: Listing | None, lang: str) -> BlockKit:
    """The Home tab: how to ask, examples, the team's defaults (when known), and the GPU catalog's lines."""
    blocks = [
        header(t(lang, "home_title")),
        section(mrkdwn(t(lang, "home_intro"))),
        section(mrkdwn(f"*{t(lang, 'help_examples')}*\n{t(lang, 'help_example_lines')}")),
    ]
    if defaults is not None:
        blocks += [divider(), *listing_blocks(defaults)[1]]
    blocks += [divider(), header(t(lang, "home_catalog")), *mrkdwn_sections(catalog)]
    blocks.append(context([mrkdwn(t(lang, "gpus_footer"))]))
    return home_tab(blocks)
