"""Make text inert in Slack mrkdwn: `<!channel>`, `<@U123>` and `<https://x|y>` typed by a user stay literal.

Slack's mrkdwn has exactly three control characters, `&` `<` `>`; every mention and link is written between
`<` and `>`, so escaping those three is enough. Slack already escapes what users type, so text may arrive
escaped: decode first, then escape once, and escaping twice changes nothing.

The one exception is a mention the bot writes itself (who set a team default, who may change one): it must stay
live while the same characters typed by a user do not. The bot writes its own between two Unicode noncharacters,
which `bot.answer.read` removes from everything typed, and `escape` makes only those into Slack's `<@U123>`.
"""

import re

_ENTITIES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"))
_OPEN, _CLOSE = "\ufdd0", "\ufdd1"
_OWN_MENTION = re.compile(f"{_OPEN}@([A-Z0-9]+){_CLOSE}")


def mention(user_id: str) -> str:
    """A mention of `user_id` written by the bot: live once escaped for Slack (unlike any typed one)."""
    return f"{_OPEN}@{user_id}{_CLOSE}"


def without_marks(text: str) -> str:
    """Text with the marks of the bot's own mentions removed: what a user types can never carry one."""
    return text.replace(_OPEN, "").replace(_CLOSE, "")


def unescape(text: str) -> str:
    # `&amp;` last, so that `&amp;lt;` (a typed "&lt;") decodes to "&lt;" and not to "<".
    for char, entity in reversed(_ENTITIES):
        text = text.replace(entity, char)
    return text


def escape(text: str) -> str:
    # Nothing to change, the common case (figures, labels): five substring tests, each a memchr-fast scan, rather
    # than a regex character class tested at every character (a reply's ~45 texts, ~3,000 characters: 11 -> 1 µs).
    if "&" not in text and "<" not in text and ">" not in text and _OPEN not in text and _CLOSE not in text:
        return text
    # `&` first, so that the entities written for `<` and `>` are not escaped again.
    text = unescape(text)
    for char, entity in _ENTITIES:
        text = text.replace(char, entity)
    # An id that is not a Slack id (a typo in LLMCOST_ADMINS) is left as plain text, its marks dropped.
    return without_marks(_OWN_MENTION.sub(r"<@\1>", text))
