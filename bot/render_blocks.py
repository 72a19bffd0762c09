"""Lay a reply out for Slack: Block Kit blocks and the `text` fallback. Formatting only; nothing is computed here.

All mrkdwn passes through `_mrkdwn`, which escapes it (so words echoed from the user stay inert) and cuts it to
Slack's limits; plain text (the header) is never parsed for mentions, so it is only cut.
"""

from typing import Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ContextBlock,
    HeaderBlock,
    MarkdownTextObject,
    PlainTextObject,
    SectionBlock,
)

from bot.answer import Answer
from bot.compare_report import Comparison
from bot.escape import escape
from bot.i18n import t
from bot.report import Failure, Listing, Report

SLASH = "/llmcost"
SHARE_ACTION = "share_in_channel"

# Slack's limits (api.slack.com/reference/block-kit); slack_sdk checks some of them, not the block count.
MAX_BLOCKS = 50
MAX_HEADER = 150
MAX_TEXT = 3000  # a section's text, a context element, the top-level fallback we send
MAX_FIELD = 2000
MAX_FIELDS = 10
MAX_CONTEXT_ELEMENTS = 10
MAX_BUTTON_VALUE = 2000

Blocks = list[dict[str, Any]]


def fit(text: str, limit: int) -> str:
    """The text cut to one of Slack's limits, with an ellipsis to show it was cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _mrkdwn(text: str, limit: int = MAX_TEXT) -> MarkdownTextObject:
    # verbatim: Slack must not turn bare names, channels or URLs in the text into live links or mentions.
    return MarkdownTextObject(text=fit(escape(text), limit), verbatim=True)


def _chunks(lines: list[str], limit: int = MAX_TEXT) -> list[str]:
    """Lines joined into as few texts as keep each, once escaped, within `limit` (a longer line is cut later)."""
    chunks: list[list[str]] = [[]]
    size = 0
    for line in lines:
        length = len(escape(line)) + 1  # the newline that joins it
        if chunks[-1] and size + length > limit:
            chunks.append([])
            size = 0
        chunks[-1].append(line)
        size += length
    return ["\n".join(chunk) for chunk in chunks if chunk]


def _context(lines: list[str]) -> ContextBlock:
    return ContextBlock(elements=[_mrkdwn(chunk) for chunk in _chunks(lines)][:MAX_CONTEXT_ELEMENTS])


def _header(title: str) -> HeaderBlock:
    return HeaderBlock(text=PlainTextObject(text=fit(title, MAX_HEADER)))


def _report(report: Report, share: str | None, shared_by: str | None) -> tuple[str, list[Block]]:
    lang = report.lang
    blocks: list[Block] = [
        _header(report.title),
        SectionBlock(text=_mrkdwn(f"*{report.headline}*")),
        SectionBlock(fields=[_mrkdwn(f"*{label}*\n{value}", MAX_FIELD) for label, value in report.fields][:MAX_FIELDS]),
        _context([f"*{t(lang, 'assumptions')}*", *(f"*{label}*: {value}" for label, value in report.assumptions)]),
    ]
    blocks += _ending(report.notes, report.command, lang, share, shared_by)
    return f"{report.title}\n{report.headline}", blocks


def _comparison(comparison: Comparison, share: str | None, shared_by: str | None) -> tuple[str, list[Block]]:
    lang = comparison.lang
    blocks: list[Block] = [_header(comparison.title), SectionBlock(text=_mrkdwn(f"*{comparison.headline}*"))]
    # A code block keeps the bars' columns aligned (bot.chart pads them for a monospaced font).
    blocks += [SectionBlock(text=_mrkdwn(_code(heading, chart))) for heading, chart in comparison.charts]
    rows = [f"*{t(lang, 'compare_rows')}*", *(f"*{gpu}*: {figures}" for gpu, figures in comparison.rows)]
    blocks += [SectionBlock(text=_mrkdwn(chunk)) for chunk in _chunks(rows)]
    blocks += _ending(comparison.notes, comparison.command, lang, share, shared_by)
    return f"{comparison.title}\n{comparison.headline}", blocks


def _code(heading: str, lines: list[str]) -> str:
    joined = "\n".join(lines)
    return f"*{heading}*\n```{joined}```"


def _ending(notes: list[str], command: str, lang: str, share: str | None, shared_by: str | None) -> list[Block]:
    """What follows an estimate's figures: notes, the reproducing command, the Share button or who shared it."""
    blocks: list[Block] = [_context([f"*{t(lang, 'notes')}*", *(f"• {note}" for note in notes)])] if notes else []
    blocks.append(SectionBlock(text=_mrkdwn(_code(t(lang, "reproduce"), [f"{SLASH} {command}"]))))
    if share is not None:
        # The share handler re-runs these words. The user's own words keep a preset's name and `lang=`;
        # the reproducing command stands in when they are too long for a button.
        value = share if len(share) <= MAX_BUTTON_VALUE else command
        button = ButtonElement(text=t(lang, "share_button"), action_id=SHARE_ACTION, value=value, style="primary")
        blocks.append(ActionsBlock(elements=[button]))
    if shared_by is not None:
        # The id comes from Slack's signed payload; escaping it still keeps a forged one from becoming markup.
        sharer = MarkdownTextObject(text=t(lang, "shared_by", user=f"<@{escape(shared_by)}>"), verbatim=True)
        blocks.append(ContextBlock(elements=[sharer]))
    return blocks


def _listing(listing: Listing) -> tuple[str, list[Block]]:
    blocks: list[Block] = [_header(listing.title)]
    for heading, lines in listing.sections:
        heading_line = [f"*{heading}*"] if heading else []
        blocks.extend(SectionBlock(text=_mrkdwn(chunk)) for chunk in _chunks([*heading_line, *lines]))
    return listing.title, blocks


def _failure(failure: Failure) -> tuple[str, list[Block]]:
    example = t(failure.lang, "try", example=f"`{SLASH} {failure.example}`")
    text = f"{failure.message}\n{example}"
    return text, [SectionBlock(text=_mrkdwn(text))]


def render_blocks(reply: Answer, *, share: str | None = None, shared_by: str | None = None) -> tuple[str, Blocks]:
    """The `text` fallback and the blocks of a Slack message for this reply.

    `share`: the words a "Share in channel" button re-runs (estimates and comparisons; omit it for public messages).
    `shared_by`: the Slack user id who shared the estimate, named under it.
    """
    if isinstance(reply, Report):
        text, blocks = _report(reply, share, shared_by)
    elif isinstance(reply, Comparison):
        text, blocks = _comparison(reply, share, shared_by)
    elif isinstance(reply, Listing):
        text, blocks = _listing(reply)
    else:
        text, blocks = _failure(reply)
    # The fallback is mrkdwn too (notifications, screen readers): escaped like everything else.
    return fit(escape(text), MAX_TEXT), [block.to_dict() for block in blocks[:MAX_BLOCKS]]
