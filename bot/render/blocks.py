"""Lay a reply out for Slack: Block Kit blocks and the `text` fallback. Formatting only; nothing is computed here.

The blocks come from bot.render.block_kit, which escapes all mrkdwn (so words echoed from the user stay inert) and cuts
every text to Slack's limits.
"""

from functools import cache

from bot.answer import Answer
from bot.render.block_kit import (
    MAX_BLOCK_ID,
    MAX_BLOCKS,
    MAX_BUTTON_VALUE,
    MAX_FIELD,
    MAX_TEXT,
    BlockKit,
    actions,
    button,
    context,
    fields_section,
    fit_mrkdwn,
    header,
    mrkdwn,
    option,
    section,
    static_select,
)
from bot.render.escape import escape, mention
from bot.text.choices import MFU_CHOICES, offers_mfu
from bot.wording.comparison import Comparison
from bot.wording.i18n import t
from bot.wording.report import Failure, Listing, Report
from calc.command import format_percent
from calc.gpus import CATALOG
from calc.prices import default_price
from calc.rental import RentComparison, RentResult
from calc.sweep import SweepResult
from calc.units import Formula

SLASH = "/llmcost"
SHARE_ACTION = "share_in_channel"
GPU_ACTION = "choose_gpu"
MFU_ACTION = "choose_mfu"


def chunks(lines: list[str], limit: int = MAX_TEXT) -> list[str]:
    """Lines joined into as few texts as keep each, once escaped, within `limit` (a longer line is cut later)."""
    joined = "\n".join(lines)
    # Nearly always one text: escaping works line by line (no entity or mention spans a newline), so the whole
    # measures what its lines add up to, without escaping each line to measure it.
    if len(lines) == 1 or (lines and len(escape(joined)) + 1 <= limit):
        return [joined]
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


def _context(lines: list[str]) -> BlockKit:
    return context([mrkdwn(chunk) for chunk in chunks(lines)])


def mrkdwn_sections(lines: list[str]) -> list[BlockKit]:
    """The lines in as few sections as hold them within Slack's limit."""
    return [section(mrkdwn(chunk)) for chunk in chunks(lines)]


def _report(
    report: Report, share: str | None, shared_by: str | None, controls: str | None
) -> tuple[str, list[BlockKit]]:
    lang = report.lang
    a = report.result.assumptions
    blocks: list[BlockKit] = [
        header(report.title),
        section(mrkdwn(f"*{report.headline}*")),
        fields_section([mrkdwn(f"*{label}*\n{value}", MAX_FIELD) for label, value in report.fields]),
        # A code block keeps the bars' columns aligned (bot.render.chart pads them for a monospaced font).
        *(section(mrkdwn(_code(heading, chart))) for heading, chart in report.charts),
        _context([f"*{t(lang, 'assumptions')}*", *(f"*{label}*: {value}" for label, value in report.assumptions)]),
        *([_context([report.similar])] if report.similar else []),
    ]
    # The seed's formula has no MFU of its own to preselect.
    mfu = a.mfu if a.formula is Formula.STANDARD else None
    menus = [_gpu_menu(lang, a.gpu), _mfu_menu(lang, mfu)] if controls is not None else []
    action_blocks = _actions(_share_button(share, report.command, lang), controls, menus)
    blocks += _ending(report.notes, report.command, lang, action_blocks, shared_by)
    return f"{report.title}\n{report.headline}", blocks


def _comparison(
    comparison: Comparison, share: str | None, shared_by: str | None, controls: str | None
) -> tuple[str, list[BlockKit]]:
    lang = comparison.lang
    blocks: list[BlockKit] = [header(comparison.title), section(mrkdwn(f"*{comparison.headline}*"))]
    # A code block keeps the bars' columns aligned (bot.render.chart pads them for a monospaced font).
    blocks += [section(mrkdwn(_code(heading, chart))) for heading, chart in comparison.charts]
    rows = [f"*{comparison.rows_heading}*", *(f"*{gpu}*: {figures}" for gpu, figures in comparison.rows)]
    blocks += mrkdwn_sections(rows)
    # MFU only: one GPU picked from a menu would turn the comparison into a comparison of one.
    if isinstance(comparison.result, SweepResult):
        mfu: float | None = comparison.result.largest.assumptions.mfu
    else:
        entries = comparison.result.entries
        mfu = entries[0].result.assumptions.mfu if entries else None
    menus = [_mfu_menu(lang, mfu)] if controls is not None else []
    action_blocks = _actions(_share_button(share, comparison.command, lang), controls, menus)
    blocks += _ending(comparison.notes, comparison.command, lang, action_blocks, shared_by)
    return f"{comparison.title}\n{comparison.headline}", blocks


def _code(heading: str, lines: list[str]) -> str:
    joined = "\n".join(lines)
    return f"*{heading}*\n```{joined}```"


def _share_button(share: str | None, command: str, lang: str) -> BlockKit | None:
    if share is None:
        return None
    # The share handler re-runs these words. The user's own words keep a preset's name and `lang=`;
    # the reproducing command stands in when they are too long for a button.
    value = share if len(share) <= MAX_BUTTON_VALUE else command
    return button(t(lang, "share_button"), SHARE_ACTION, value, style="primary")


def gpu_options(lang: str) -> list[BlockKit]:
    """Every catalog GPU with its default price, valued by its catalog id."""
    return [option(_gpu_label(gpu.id, lang), gpu.id) for gpu in CATALOG]


# The menus are the same for every reply with the same choice in use: built once (22 options with their prices
# and labels are worth not rebuilding per reply) and shared by every reply, so never mutated.
@cache
def _gpu_menu(lang: str, in_use: str | None) -> BlockKit:
    """The GPU menu under an estimate, `in_use` (a catalog id) preselected."""
    return static_select(GPU_ACTION, gpu_options(lang), chosen=in_use, placeholder=t(lang, "control_gpu"))


def _gpu_label(gpu_id: str, lang: str) -> str:
    price = default_price(gpu_id)
    if price is None:
        return t(lang, "control_gpu_no_price", gpu=gpu_id)
    return t(lang, "control_gpu_option", gpu=gpu_id, price=f"{price.usd_per_gpu_hour:g}")


@cache
def _mfu_menu(lang: str, in_use: float | None) -> BlockKit:
    chosen = format_percent(in_use) if in_use is not None else None
    # A training default is its GPU generation's median (33.5% on Ampere): offered in its place among the choices.
    offered = sorted({*MFU_CHOICES, *([chosen] if chosen else [])}, key=lambda mfu: float(mfu.rstrip("%")))
    options = [option(t(lang, "control_mfu_option", mfu=mfu), mfu) for mfu in offered]
    return static_select(MFU_ACTION, options, chosen=chosen, placeholder=t(lang, "control_mfu"))


def _actions(share: BlockKit | None, controls: str | None, menus: list[BlockKit]) -> list[BlockKit]:
    """One actions block: the Share button, then the menus, which carry `controls` (the words) in its block_id.

    A menu choice comes back with its block's id, the chosen option and nothing else of the message (Slack sends
    no copy of an ephemeral message), so the block_id is where the words travel. Words longer than a block_id
    can hold get no menus: the rest of the reply is unchanged.
    """
    carried = controls is not None and len(controls) <= MAX_BLOCK_ID
    elements = [*([share] if share else []), *(menus if carried else [])]
    return [actions(elements, block_id=controls if carried else None)] if elements else []


def _ending(
    notes: list[str], command: str, lang: str, action_blocks: list[BlockKit], shared_by: str | None
) -> list[BlockKit]:
    """What follows an estimate's figures: notes, the reproducing command, the controls or who shared it."""
    blocks: list[BlockKit] = [_context([f"*{t(lang, 'notes')}*", *(f"• {note}" for note in notes)])] if notes else []
    blocks.append(section(mrkdwn(_code(t(lang, "reproduce"), [f"{SLASH} {command}"]))))
    return [*blocks, *action_blocks, *_shared(lang, shared_by)]


def _shared(lang: str, shared_by: str | None) -> list[BlockKit]:
    """Who shared the reply, under it."""
    if shared_by is None:
        return []
    # The id comes from Slack's signed payload; as the bot's own mention it stays live, while a forged one
    # (not a Slack id) is shown as inert text.
    return [context([mrkdwn(t(lang, "shared_by", user=mention(shared_by)))])]


def listing_blocks(listing: Listing) -> tuple[str, list[BlockKit]]:
    blocks: list[BlockKit] = [header(listing.title)]
    for heading, lines in listing.sections:
        blocks += mrkdwn_sections([*([f"*{heading}*"] if heading else []), *lines])
    return listing.title, blocks


def _rental(
    listing: Listing, gpu: str | None, share: str | None, shared_by: str | None, controls: str | None
) -> tuple[str, list[BlockKit]]:
    """A rental (or the same rental on several GPUs) with a Share button as an estimate's, and the GPU menu when it
    is priced on one GPU (`gpu`); it has no MFU. Words too long for a button are not shared: no reproducing command
    stands in for a rental's."""
    text, blocks = listing_blocks(listing)
    button = _share_button(share, share, listing.lang) if share and len(share) <= MAX_BUTTON_VALUE else None
    menus = [_gpu_menu(listing.lang, gpu)] if controls is not None and gpu is not None else []
    return text, [*blocks, *_actions(button, controls, menus), *_shared(listing.lang, shared_by)]


def _failure(failure: Failure, controls: str | None) -> tuple[str, list[BlockKit]]:
    lang = failure.lang
    example = t(lang, "try", example=f"`{SLASH} {failure.example}`")
    read = list(failure.read_back.lines) if failure.read_back is not None else []
    text = "\n".join([*read, failure.message, example])
    # After a menu choice that failed (a GPU without a price), the menus stay so that another can be picked: the
    # GPU menu alone after a rental's, which has no MFU.
    menus = []
    if controls is not None:
        menus = [_gpu_menu(lang, None), *([_mfu_menu(lang, None)] if offers_mfu(controls) else [])]
    return text, [section(mrkdwn(text)), *_actions(None, controls, menus)]


def render_blocks(
    reply: Answer, *, share: str | None = None, shared_by: str | None = None, controls: str | None = None
) -> tuple[str, list[BlockKit]]:
    """The `text` fallback and the blocks of a Slack message for this reply.

    `share`: the words a "Share in channel" button re-runs (estimates, comparisons and rentals; omit it for public
    messages).
    `shared_by`: the Slack user id who shared the estimate, named under it.
    `controls`: the words the GPU and MFU menus (a rental's GPU menu) re-run with the choice made (private replies
    only: a choice replaces the message it was made on, which must not change under everyone's eyes).
    """
    if isinstance(reply, Report):
        text, blocks = _report(reply, share, shared_by, controls)
    elif isinstance(reply, Comparison):
        text, blocks = _comparison(reply, share, shared_by, controls)
    elif isinstance(reply, Listing) and isinstance(reply.data, RentResult | RentComparison):
        gpu = reply.data.gpu if isinstance(reply.data, RentResult) else None
        text, blocks = _rental(reply, gpu, share, shared_by, controls)
    elif isinstance(reply, Listing):
        text, blocks = listing_blocks(reply)
    else:
        text, blocks = _failure(reply, controls)
    if reply.read_back is not None and not isinstance(reply, Failure):
        # Free text: what it was read as comes first, in the fallback too (a notification shows its first line).
        blocks = [_context(list(reply.read_back.lines)), *blocks]
        text = f"{reply.read_back.lines[0]}\n{text}"
    # The fallback is mrkdwn too (notifications, screen readers): escaped and cut like everything else.
    return fit_mrkdwn(escape(text), MAX_TEXT), blocks[:MAX_BLOCKS]
