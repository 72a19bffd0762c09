"""Make text inert in Slack mrkdwn: `<!channel>`, `<@U123>` and `<https://x|y>` typed by a user stay literal.

Slack's mrkdwn has exactly three control characters, `&` `<` `>`; every mention and link is written between
`<` and `>`, so escaping those three is enough. Slack already escapes what users type, so text may arrive
escaped: decode first, then escape once, and escaping twice changes nothing.
"""

_ENTITIES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"))


def unescape(text: str) -> str:
    # `&amp;` last, so that `&amp;lt;` (a typed "&lt;") decodes to "&lt;" and not to "<".
    for char, entity in reversed(_ENTITIES):
        text = text.replace(entity, char)
    return text


def escape(text: str) -> str:
    # `&` first, so that the entities written for `<` and `>` are not escaped again.
    text = unescape(text)
    for char, entity in _ENTITIES:
        text = text.replace(char, entity)
    return text
