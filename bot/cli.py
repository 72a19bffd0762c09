"""`llmcost [options] <words>`: the same answer as `/llmcost <words>`, in a terminal; `--json` for machines.

Exit codes: 0 an answer, 2 bad input (one line naming the bad word, with a command that works), 1 an internal
error. `llmcost --help` says the same.
"""

import json
import os
import sys
from dataclasses import dataclass
from datetime import date
from importlib.metadata import version
from typing import TYPE_CHECKING, NoReturn

from bot.answer import Answer, reply_to
from bot.operator_prices import ConfigError, load_prices
from bot.render.terminal import PREFIX, render_text
from bot.wording.i18n import CATALOGS, DEFAULT_LANG, t
from bot.wording.report import Failure, Listing

if TYPE_CHECKING:
    from argparse import ArgumentParser

PROG = "llmcost"
ANSWERED = 0
INTERNAL_ERROR = 1
USAGE_ERROR = 2
CONFIG_ERROR = 1  # LLMCOST_PRICES names a file that does not read: the answer would rest on no prices at all
FLAGS = ("-h", "--help", "--version", "--json")
USAGE = "%(prog)s [-h] [--version] [--json] [--lang {en,zh}] <command> [word ...]"


class UsageError(Exception):
    """argparse's complaint about the options, raised rather than printed so `run` can return it."""


@dataclass(frozen=True)
class Options:
    words: list[str]
    json: bool
    lang: str
    help: bool
    version: bool


def parser(lang: str = DEFAULT_LANG) -> "ArgumentParser":
    """The options, with help worded in `lang`; the command's words are everything after them, untouched.

    argparse is imported here, not with the module: `llmcost train 175B 500B` types no option and needs no parser
    (its import and this parser cost ~7 ms of the command's ~230)."""
    import argparse

    class _Parser(argparse.ArgumentParser):
        def error(self, message: str) -> NoReturn:
            raise UsageError(message)

    cli = _Parser(
        prog=PROG,
        usage=USAGE,
        description=t(lang, "cli_description"),
        epilog=t(lang, "cli_epilog"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        add_help=False,  # -h and --version are answered by run(), which returns text rather than printing it
    )
    cli.add_argument("-h", "--help", action="store_true", help=t(lang, "cli_help"))
    cli.add_argument("--version", action="store_true", help=t(lang, "cli_version"))
    cli.add_argument("--json", action="store_true", help=t(lang, "cli_json"))
    cli.add_argument("--lang", choices=sorted(CATALOGS), default=DEFAULT_LANG, help=t(lang, "cli_lang"))
    # REMAINDER: `train 175B 500B mfu=40%` reaches the grammar as typed, `-5` and `1e9` included.
    cli.add_argument("words", nargs=argparse.REMAINDER, metavar="<command> [word ...]", help=t(lang, "cli_words"))
    return cli


def _options_first(argv: list[str]) -> list[str]:
    """Our options moved before the words, wherever they were typed (`llmcost train 70B --json` works as it always
    did); after a `--`, everything is words."""
    end = argv.index("--") if "--" in argv else len(argv)
    options: list[str] = []
    words: list[str] = []
    typed = iter(argv[:end])
    for word in typed:
        if word in FLAGS or word.startswith("--lang="):
            options.append(word)
        elif word == "--lang":
            options += [word, next(typed, "")]
        else:
            words.append(word)
    return [*options, *words, *argv[end:]]


def read_options(argv: list[str]) -> Options:
    """The options and the command's words; a UsageError for an unknown option or a bad --lang."""
    if not any(word.startswith("-") for word in argv):  # no option typed: every word is the command's, as parsed
        return Options(words=list(argv), json=False, lang=DEFAULT_LANG, help=False, version=False)
    parsed = parser().parse_args(_options_first(argv))
    words = list(parsed.words)
    if words[:1] == ["--"]:  # the conventional end of options: what follows are words even if they look like options
        words = words[1:]
    return Options(words=words, json=parsed.json, lang=parsed.lang, help=parsed.help, version=parsed.version)


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
    if isinstance(reply, Listing) and reply.data is not None:
        return json.dumps({**reply.data.model_dump(mode="json"), **read}, ensure_ascii=False, indent=2)
    if isinstance(reply, Listing):
        sections = [{"heading": heading, "lines": lines} for heading, lines in reply.sections]
        return json.dumps({"title": reply.title, "sections": sections, **read}, ensure_ascii=False, indent=2)
    if not read:
        return reply.result.model_dump_json(indent=2)
    return json.dumps({**reply.result.model_dump(mode="json"), **read}, ensure_ascii=False, indent=2)


def run(argv: list[str], today: date) -> tuple[str, int]:
    """What the CLI prints for these arguments, and its exit code."""
    try:
        options = read_options(argv)
    except UsageError as error:
        return f"{parser().format_usage()}{PROG}: {error}", USAGE_ERROR
    if options.help:
        return parser(options.lang).format_help().rstrip("\n"), ANSWERED
    if options.version:
        return f"{PROG} {version(PROG)}", ANSWERED
    reply = reply_to(" ".join(options.words), today, options.lang)
    output = as_json(reply) if options.json else render_text(reply)
    return output, USAGE_ERROR if isinstance(reply, Failure) else ANSWERED


def _wants_json(argv: list[str]) -> bool:
    try:
        return read_options(argv).json
    except UsageError:
        return False


def main() -> None:
    argv = sys.argv[1:]
    try:
        load_prices(os.environ.get("LLMCOST_PRICES"))
    except ConfigError as error:  # an operator's price file that does not read: one line, before any answer
        print(f"{PROG}: {error}", file=sys.stderr)
        sys.exit(CONFIG_ERROR)
    try:
        output, code = run(argv, date.today())
        # An answer goes to stdout, a complaint to stderr; with --json even a complaint is the JSON asked for.
        print(output, file=sys.stderr if code and not _wants_json(argv) else sys.stdout)
    except BrokenPipeError:  # `llmcost ... | head`: the reader left; silence the flush at exit too
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(ANSWERED)
    except Exception as error:  # a bug of ours: one line naming it, never a stack trace
        print(f"{t(DEFAULT_LANG, 'internal_error')} ({type(error).__name__})", file=sys.stderr)
        sys.exit(INTERNAL_ERROR)
    sys.exit(code)
