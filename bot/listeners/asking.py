"""Every Slack listener answers a person's words through this one function: the same path for a slash command,
a button press, a menu choice and a mention, so what applies to one (team defaults, the reader's language)
applies to all."""

from datetime import date
from typing import Any

from bot.answer import Answer, reply_to


async def answer(words: str, body: dict[str, Any]) -> Answer:
    """The answer to `words`, asked in the Slack request `body` (whose team and user it is for)."""
    return reply_to(words, date.today())
