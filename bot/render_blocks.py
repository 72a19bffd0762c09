"""Lay a reply out for Slack: Block Kit blocks and the `text` fallback. Formatting only; nothing is computed here.

All mrkdwn passes through `mrkdwn`, which escapes it (so words echoed from the user stay inert) and cuts it to
Slack's limits; plain text (the header) is never parsed for mentions, so it is only cut.
"""

from functools import cache
from typing import Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ContextBlock,
    HeaderBlock,
    MarkdownTextObject,
    Option,
    PlainTextObject,
    SectionBlock,
    StaticSelectElement,
)

from bot.answer import Answer
from bot.choices import MFU_CHOICES
from bot.compare_report import Comparison
from bot.escape import escape
from bot.i18n import t
from bot.report import Failure, Listing, Report
from calc.command import format_percent
from calc.gpus import CATALOG
from calc.prices import default_price
from calc.units import Formula

SLASH = "/llmcost"
SHARE_ACTION = "share_in_channel"
GPU_ACTION = "choose_gpu"
MFU_ACTION = "choose_mfu"

# Slack's limits (api.slack.com/reference/block-kit); slack_sdk checks some of them, not the block count.
MAX_BLOCKS = 50
MAX_HEADER = 150
MAX_TEXT = 3000  # a section's text, a context element, the top-level fallback we send
MAX_FIELD = 2000
MAX_FIELDS = 10
MAX_CONTEXT_ELEMENTS = 10
MAX_BUTTON_VALUE = 2000
MAX_BLOCK_ID = 255
MAX_OPTION_TEXT = 75
MAX_OPTIONS = 100

Blocks = list[dict[str, Any]]
# A block as slack_sdk's model, or already serialised (the cached menus' actions block).
Piece = Block | dict[str, Any]


def fit(text: str, limit: int) -> str:
    """The text cut to one of Slack's limits, with an ellipsis to show it was cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def mrkdwn(text: str, limit: int = MAX_TEXT) -> MarkdownTextObject:
    # verbatim: Slack must not turn bare names, channels or URLs in the text into live links or mentions.
    return MarkdownTextObject(text=fit(escape(text), limit), verbatim=True)


def chunks(lines: list[str], limit: int = MAX_TEXT) -> list[str]:
    """Lines joined into as few texts as keep each, once escaped, within `limit` (a longer line is cut later)."""
    groups: list[list[str]] = [[]]
    size = 0
    for line in lines:
        length = len(escape(line)) + 1  # the newline that joins it
        if groups[-1] and size + length > limit:
            groups.append([])
            size = 0
        groups[-1].append(line)
        size += length
    return ["\n".join(group) for group in groups if group]


def _context(lines: list[str]) -> ContextBlock:
    return ContextBlock(elements=[mrkdwn(chunk) for chunk in chunks(lines)][:MAX_CONTEXT_ELEMENTS])


def header(title: str) -> HeaderBlock:
    return HeaderBlock(text=PlainTextObject(text=fit(title, MAX_HEADER)))


def _report(report: Report, share: str | None, shared_by: str | None, controls: str | None) -> tuple[str, list[Piece]]:
    lang = report.lang
    a = report.result.assumptions
    blocks: list[Piece] = [
        header(report.title),
        SectionBlock(text=mrkdwn(f"*{report.headline}*")),
        SectionBlock(fields=[mrkdwn(f"*{label}*\n{value}", MAX_FIELD) for label, value in report.fields][:MAX_FIELDS]),
        _context([f"*{t(lang, 'assumptions')}*", *(f"*{label}*: {value}" for label, value in report.assumptions)]),
    ]
    # The seed's formula has no MFU of its own to preselect.
    mfu = a.mfu if a.formula is Formula.STANDARD else None
    menus = [_gpu_menu(lang, a.gpu), _mfu_menu(lang, mfu)] if controls is not None else []
    actions = _actions(_share_button(share, report.command, lang), controls, menus)
    blocks += _ending(report.notes, report.command, lang, actions, shared_by)
    return f"{report.title}\n{report.headline}", blocks


def _comparison(
    comparison: Comparison, share: str | None, shared_by: str | None, controls: str | None
) -> tuple[str, list[Piece]]:
    lang = comparison.lang
    blocks: list[Piece] = [header(comparison.title), SectionBlock(text=mrkdwn(f"*{comparison.headline}*"))]
    # A code block keeps the bars' columns aligned (bot.chart pads them for a monospaced font).
    blocks += [SectionBlock(text=mrkdwn(_code(heading, chart))) for heading, chart in comparison.charts]
    rows = [f"*{t(lang, 'compare_rows')}*", *(f"*{gpu}*: {figures}" for gpu, figures in comparison.rows)]
    blocks += [SectionBlock(text=mrkdwn(chunk)) for chunk in chunks(rows)]
    # MFU only: one GPU picked from a menu would turn the comparison into a comparison of one.
    entries = comparison.result.entries
    mfu = entries[0].result.assumptions.mfu if entries else None
    menus = [_mfu_menu(lang, mfu)] if controls is not None else []
    actions = _actions(_share_button(share, comparison.command, lang), controls, menus)
    blocks += _ending(comparison.notes, comparison.command, lang, actions, shared_by)
    return f"{comparison.title}\n{comparison.headline}", blocks


def _code(heading: str, lines: list[str]) -> str:
    joined = "\n".join(lines)
    return f"*{heading}*\n```{joined}```"


def _share_button(share: str | None, command: str, lang: str) -> ButtonElement | None:
    if share is None:
        return None
    # The share handler re-runs these words. The user's own words keep a preset's name and `lang=`;
    # the reproducing command stands in when they are too long for a button.
    value = share if len(share) <= MAX_BUTTON_VALUE else command
    return ButtonElement(text=t(lang, "share_button"), action_id=SHARE_ACTION, value=value, style="primary")


def gpu_options(lang: str) -> list[Option]:
    """Every catalog GPU with its default price, valued by its catalog id."""
    return [option(_gpu_label(gpu.id, lang), gpu.id) for gpu in CATALOG][:MAX_OPTIONS]


# The menus are the same for every reply with the same choice in use: built and checked by slack_sdk's models
# once, then served as dicts (serialising 22 options per reply was most of a reply's CPU). Never mutated.
@cache
def _gpu_menu(lang: str, in_use: str | None) -> dict[str, Any]:
    """The GPU menu under an estimate, `in_use` (a catalog id) preselected."""
    options = gpu_options(lang)
    chosen = next((option for option in options if option.value == in_use), None)
    return StaticSelectElement(
        placeholder=t(lang, "control_gpu"), action_id=GPU_ACTION, options=options, initial_option=chosen
    ).to_dict()


def _gpu_label(gpu_id: str, lang: str) -> str:
    price = default_price(gpu_id)
    if price is None:
        return t(lang, "control_gpu_no_price", gpu=gpu_id)
    return t(lang, "control_gpu_option", gpu=gpu_id, price=f"{price.usd_per_gpu_hour:g}")


@cache
def _mfu_menu(lang: str, in_use: float | None) -> dict[str, Any]:
    options = [option(t(lang, "control_mfu_option", mfu=mfu), mfu) for mfu in MFU_CHOICES]
    shown = format_percent(in_use) if in_use is not None else None
    chosen = next((option for option in options if option.value == shown), None)
    return StaticSelectElement(
        placeholder=t(lang, "control_mfu"), action_id=MFU_ACTION, options=options, initial_option=chosen
    ).to_dict()


def option(label: str, value: str) -> Option:
    return Option(text=PlainTextObject(text=fit(label, MAX_OPTION_TEXT)), value=value)


def _actions(share: ButtonElement | None, controls: str | None, menus: list[dict[str, Any]]) -> list[Piece]:
    """One actions block: the Share button, then the menus, which carry `controls` (the words) in its block_id.

    A menu choice comes back with its block's id, the chosen option and nothing else of the message (Slack sends
    no copy of an ephemeral message), so the block_id is where the words travel. Words longer than a block_id
    can hold get no menus: the rest of the reply is unchanged.
    """
    carried = controls is not None and len(controls) <= MAX_BLOCK_ID
    if not carried:
        return [ActionsBlock(elements=[share])] if share else []
    elements = [*([share.to_dict()] if share else []), *menus]
    return [{"type": "actions", "block_id": controls, "elements": elements}]


def _ending(notes: list[str], command: str, lang: str, actions: list[Piece], shared_by: str | None) -> list[Piece]:
    """What follows an estimate's figures: notes, the reproducing command, the controls or who shared it."""
    blocks: list[Piece] = [_context([f"*{t(lang, 'notes')}*", *(f"• {note}" for note in notes)])] if notes else []
    blocks.append(SectionBlock(text=mrkdwn(_code(t(lang, "reproduce"), [f"{SLASH} {command}"]))))
    blocks += actions
    if shared_by is not None:
        # The id comes from Slack's signed payload; escaping it still keeps a forged one from becoming markup.
        sharer = MarkdownTextObject(text=t(lang, "shared_by", user=f"<@{escape(shared_by)}>"), verbatim=True)
        blocks.append(ContextBlock(elements=[sharer]))
    return blocks


def listing_blocks(listing: Listing) -> tuple[str, list[Piece]]:
    blocks: list[Piece] = [header(listing.title)]
    for heading, lines in listing.sections:
        heading_line = [f"*{heading}*"] if heading else []
        blocks.extend(SectionBlock(text=mrkdwn(chunk)) for chunk in chunks([*heading_line, *lines]))
    return listing.title, blocks


def _failure(failure: Failure, controls: str | None) -> tuple[str, list[Piece]]:
    lang = failure.lang
    example = t(lang, "try", example=f"`{SLASH} {failure.example}`")
    text = f"{failure.message}\n{example}"
    # After a menu choice that failed (a GPU without a price), the menus stay so that another can be picked.
    menus = [_gpu_menu(lang, None), _mfu_menu(lang, None)] if controls is not None else []
    return text, [SectionBlock(text=mrkdwn(text)), *_actions(None, controls, menus)]


def render_blocks(
    reply: Answer, *, share: str | None = None, shared_by: str | None = None, controls: str | None = None
) -> tuple[str, Blocks]:
    """The `text` fallback and the blocks of a Slack message for this reply.

    `share`: the words a "Share in channel" button re-runs (estimates and comparisons; omit it for public messages).
    `shared_by`: the Slack user id who shared the estimate, named under it.
    `controls`: the words the GPU and MFU menus re-run with the choice made (private replies only: a choice
    replaces the message it was made on, which must not change under everyone's eyes).
    """
    if isinstance(reply, Report):
        text, blocks = _report(reply, share, shared_by, controls)
    elif isinstance(reply, Comparison):
        text, blocks = _comparison(reply, share, shared_by, controls)
    elif isinstance(reply, Listing):
        text, blocks = listing_blocks(reply)
    else:
        text, blocks = _failure(reply, controls)
    # The fallback is mrkdwn too (notifications, screen readers): escaped like everything else.
    return fit(escape(text), MAX_TEXT), [as_dict(block) for block in blocks[:MAX_BLOCKS]]


def as_dict(block: Piece) -> dict[str, Any]:
    return block if isinstance(block, dict) else block.to_dict()
