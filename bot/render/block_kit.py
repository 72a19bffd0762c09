"""Block Kit objects as the plain dicts Slack takes, each cut to Slack's limits: one function per kind of object.

slack_sdk's models validate and walk every attribute each time they are serialised, which cost a third of a
reply's CPU; these build the same dicts directly. tests/slack check every message and view against those models
(parse, validate, exact round trip), so the tests stay the proof that these are valid Block Kit.

Text is cut to fit, with an ellipsis. A button's value, an option's and a block_id come back to the app as data,
where a cut one would be wrong: they are never cut, and callers keep them within the limits.
"""

import re
from typing import Any, Literal

from bot.render.escape import escape

# A Block Kit object (block, element, text object, view) as the JSON Slack takes.
BlockKit = dict[str, Any]

# Slack's limits for blocks (api.slack.com/reference/block-kit).
MAX_BLOCKS = 50  # in a message
MAX_HEADER = 150
MAX_TEXT = 3000  # a section's text, a context element, the top-level fallback we send
MAX_FIELD = 2000
MAX_FIELDS = 10
MAX_CONTEXT_ELEMENTS = 10
MAX_ACTIONS_ELEMENTS = 25
MAX_BUTTON_TEXT = 75
MAX_BUTTON_VALUE = 2000
MAX_BLOCK_ID = 255
MAX_PLACEHOLDER = 150
MAX_OPTION_TEXT = 75
MAX_OPTIONS = 100
MAX_LABEL = 2000
MAX_HINT = 2000

# Slack's limits for views (api.slack.com/reference/surfaces/views).
MAX_VIEW_BLOCKS = 100
MAX_VIEW_TITLE = 24  # the title and the submit and close buttons
MAX_METADATA = 3000


_CUT_MARKUP = re.compile(r"(&[a-z]*|<[^>]*)$")


def fit(text: str, limit: int) -> str:
    """The text cut to one of Slack's limits, with an ellipsis to show it was cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def plain(text: str, limit: int, *, emoji: bool = False) -> BlockKit:
    """Plain text: never parsed for mentions or links, so only cut.

    slack_sdk wrote `"emoji": true` on the plain texts it made from a bare string (a button's, a placeholder's);
    `emoji` keeps those as they were.
    """
    text_object: BlockKit = {"type": "plain_text", "text": fit(text, limit)}
    if emoji:
        text_object["emoji"] = True
    return text_object


def mrkdwn(text: str, limit: int = MAX_TEXT) -> BlockKit:
    """mrkdwn, escaped (so words echoed from the user stay inert), then cut."""
    # verbatim: Slack must not turn bare names, channels or URLs in the text into live links or mentions.
    return {"type": "mrkdwn", "text": fit_mrkdwn(escape(text), limit), "verbatim": True}


def fit_mrkdwn(escaped: str, limit: int) -> str:
    """Escaped mrkdwn cut to one of Slack's limits, with an ellipsis, as `fit` cuts plain text, but never inside an
    entity (`&l`) or a mention or link (`<@U12`): Slack would show the one and break the other."""
    if len(escaped) <= limit:
        return escaped
    return _CUT_MARKUP.sub("", escaped[: limit - 1]) + "…"


def header(title: str) -> BlockKit:
    return {"type": "header", "text": plain(title, MAX_HEADER)}


def section(text: BlockKit) -> BlockKit:
    return {"type": "section", "text": text}


def fields_section(fields: list[BlockKit]) -> BlockKit:
    return {"type": "section", "fields": fields[:MAX_FIELDS]}


def context(elements: list[BlockKit]) -> BlockKit:
    return {"type": "context", "elements": elements[:MAX_CONTEXT_ELEMENTS]}


def divider() -> BlockKit:
    return {"type": "divider"}


def actions(elements: list[BlockKit], block_id: str | None = None) -> BlockKit:
    block: BlockKit = {"type": "actions", "elements": elements[:MAX_ACTIONS_ELEMENTS]}
    if block_id is not None:
        block["block_id"] = block_id
    return block


def button(label: str, action_id: str, value: str, style: Literal["primary", "danger"]) -> BlockKit:
    return {
        "type": "button",
        "action_id": action_id,
        "text": plain(label, MAX_BUTTON_TEXT, emoji=True),
        "value": value,
        "style": style,
    }


def option(label: str, value: str) -> BlockKit:
    return {"text": plain(label, MAX_OPTION_TEXT), "value": value}


def static_select(
    action_id: str, options: list[BlockKit], *, chosen: str | None = None, placeholder: str | None = None
) -> BlockKit:
    """A menu of `options`, the one valued `chosen` preselected (none when no option has that value)."""
    shown = options[:MAX_OPTIONS]
    select: BlockKit = {"type": "static_select", "action_id": action_id, "options": shown}
    initial = next((candidate for candidate in shown if candidate["value"] == chosen), None)
    if initial is not None:
        select["initial_option"] = initial
    if placeholder is not None:
        select["placeholder"] = plain(placeholder, MAX_PLACEHOLDER, emoji=True)
    return select


def plain_text_input(action_id: str, placeholder: str, max_length: int) -> BlockKit:
    return {
        "type": "plain_text_input",
        "action_id": action_id,
        "placeholder": plain(placeholder, MAX_PLACEHOLDER, emoji=True),
        "max_length": max_length,
    }


def input_block(block_id: str, label: str, element: BlockKit, *, hint: str | None, optional: bool) -> BlockKit:
    block: BlockKit = {
        "type": "input",
        "block_id": block_id,
        "label": plain(label, MAX_LABEL),
        "element": element,
        "optional": optional,
    }
    if hint is not None:
        block["hint"] = plain(hint, MAX_HINT)
    return block


def modal(
    callback_id: str, title: str, submit: str, close: str, private_metadata: str, blocks: list[BlockKit]
) -> BlockKit:
    return {
        "type": "modal",
        "callback_id": callback_id,
        "title": plain(title, MAX_VIEW_TITLE),
        "submit": plain(submit, MAX_VIEW_TITLE),
        "close": plain(close, MAX_VIEW_TITLE),
        # Data that comes back on submission, not text: no ellipsis. (A channel id, never near the limit.)
        "private_metadata": private_metadata[:MAX_METADATA],
        "blocks": blocks[:MAX_VIEW_BLOCKS],
    }


def home_tab(blocks: list[BlockKit]) -> BlockKit:
    return {"type": "home", "blocks": blocks[:MAX_VIEW_BLOCKS]}
