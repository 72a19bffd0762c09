"""LLMCOST_PRICES, an operator's file of GPU offers, put in force at start-up by `llmcost` and `python -m bot`; and
the error every entry point reports a bad setting with.

Apart from bot.config so the terminal, which reads this one setting from its environment, never imports the Slack
app's settings machinery (pydantic-settings, and with it asyncio and python-dotenv: a third of the CLI's start).
"""

import json
from pathlib import Path

from pydantic import ValidationError

from bot.wording.i18n import DEFAULT_LANG, t
from calc.prices import PriceBook, read_offer_file, use_offers


class ConfigError(Exception):
    """A required setting is missing or one is invalid; the message names the variable, never its value."""


def load_prices(path: str | None) -> PriceBook:
    """Put the GPU offers in force: the packaged ones, with the operator's file at `path` (LLMCOST_PRICES) when set.

    A file that cannot be read, is not JSON or does not validate is a ConfigError of one line naming the file and
    its first problem, so a bad price file stops start-up instead of pricing estimates wrongly.
    """
    if not path:
        return use_offers(None)
    try:
        extra = read_offer_file(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        problem = error.strerror or type(error).__name__
    except json.JSONDecodeError as error:
        problem = f"not JSON: {error.msg} at line {error.lineno}, column {error.colno}"
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        problem = f"{where}: {first['msg']}" if where else first["msg"]
    else:
        return use_offers(extra)
    raise ConfigError(t(DEFAULT_LANG, "prices_file_invalid", path=path, problem=problem))
