"""`llmcost <words>`: the same answer as `/llmcost <words>`, in a terminal; `--json` for machines.

Exit 0 with an answer, 2 with a one-line message on bad input.
"""

import json
import os
import sys
from datetime import date

from bot.answer import Answer, reply_to
from bot.render.terminal import PREFIX, render_text
from bot.wording.i18n import t
from bot.wording.report import Failure, Listing

USAGE_ERROR = 2


def as_json(reply: Answer) -> str:
    """The result's JSON; for free text with `read_as` (the command the words were read as) and `ignored`."""
    read = (
        {}
        if reply.read_back is None
        else {"read_as": reply.read_back.read_as, "ignored": list(reply.read_back.ignored)}
    )
    if isinstance(reply, Failure):
        error = f"{reply.message} {t(reply.lang, 'try', example=PREFIX + reply.example)}"
        return json.dumps({"error": error, **read}, ensure_ascii=False)
    if isinstance(reply, Listing):
        sections = [{"heading": heading, "lines": lines} for heading, lines in reply.sections]
        return json.dumps({"title": reply.title, "sections": sections, **read}, ensure_ascii=False, indent=2)
    if not read:
        return reply.result.model_dump_json(indent=2)
    return json.dumps({**reply.result.model_dump(mode="json"), **read}, ensure_ascii=False, indent=2)


def run(argv: list[str], today: date) -> tuple[str, int]:
    """What the CLI prints for these arguments, and its exit code."""
    json_wanted = "--json" in argv
    reply = reply_to(" ".join(arg for arg in argv if arg != "--json"), today)
    output = as_json(reply) if json_wanted else render_text(reply)
    return output, USAGE_ERROR if isinstance(reply, Failure) else 0


def main() -> None:
    try:
        output, code = run(sys.argv[1:], date.today())
        print(output, file=sys.stderr if code and "--json" not in sys.argv else sys.stdout)
    except BrokenPipeError:  # `llmcost ... | head`: the reader left; silence the flush at exit too
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
    except Exception as error:  # a bug of ours: one line naming it, never a stack trace
        print(f"{t('en', 'internal_error')} ({type(error).__name__})", file=sys.stderr)
        sys.exit(1)
    sys.exit(code)
