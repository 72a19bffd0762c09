"""The one way through: text -> grammar -> request -> calc -> result -> words. The CLI and Slack both call this."""

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, TypeAlias

from bot.render.escape import without_marks
from bot.text.examples import own_example
from bot.text.grammar import (
    COMPARE_EXAMPLE,
    EXAMPLES,
    HELP_TOPICS,
    Command,
    Compare,
    Estimate,
    GrammarError,
    Help,
    ListApi,
    ListGpus,
    ListModels,
    ListPrices,
    Parsing,
    Rent,
    Sweep,
    TeamCommand,
    language_in,
    parse,
    parse_words,
    words_of,
)
from bot.text.language import question_language
from bot.wording.i18n import t
from bot.wording.listings import gpus_listing, help_listing, models_listing
from bot.wording.reading import ReadBack, read_back
from bot.wording.report import Failure, Listing, Report, infer_report, train_report
from calc import EstimateError, EstimateResult, InferResult, TrainResult, estimate
from calc.api_prices import api_table
from calc.gpus import CATALOG
from calc.prices import operator_prices_in_force, price_table

if TYPE_CHECKING:
    # Imported where first needed, below: comparisons, sweeps and rentals (calc.sweep imports the serving engine)
    # are not what most commands ask, and the terminal's `llmcost train ...` starts without them.
    from bot.text.reader import Reading
    from bot.wording.comparison import Comparison
    from calc.compare import ComparisonResult
    from calc.rental import RentComparison, RentResult
    from calc.sweep import SweepResult

# Everything a command can get: an estimate, a comparison across GPUs, a listing, or what was wrong.
Answer: TypeAlias = "Report | Comparison | Listing | Failure"


def failure(error: GrammarError | EstimateError, lang: str, example: str) -> Failure:
    message = t(lang, error.code, **error.values)
    suggestion = error.values.get("suggestion")
    if suggestion:
        message = f"{message} {t(lang, 'did_you_mean', suggestion=suggestion)}"
    if "choices" in error.values:
        message = f"{message} {t(lang, 'one_of', choices=error.values['choices'])}"
    cause = (error.code, dict(error.values)) if isinstance(error, EstimateError) else None
    return Failure(message=message, example=example, lang=lang, cause=cause)


# What calc answers a command with, before it is worded.
Calculated: TypeAlias = "EstimateResult | ComparisonResult | SweepResult | RentResult | RentComparison"


def evaluate(command: Command, today: date) -> "Calculated | None":
    """What calc makes of a command (raising EstimateError when it cannot), or None for help, listings and team
    commands: the one place a command reaches calc, whether to be answered or to check an example is answered."""
    if isinstance(command, Estimate):
        return estimate(command.request, today)
    if isinstance(command, Compare):
        from calc.compare import compare

        return compare(command.request, command.gpus, today)
    if isinstance(command, Sweep):
        from calc.sweep import sweep

        return sweep(command.request, today)
    if isinstance(command, Rent):
        from calc.rental import rent, rent_across

        return rent_across(command.request, command.compare, today) if command.compare else rent(command.request, today)
    return None


def reply_to(text: str, today: date, lang: str = "en") -> Answer:
    """Answer a command typed by a person; bad input becomes a Failure, never an exception.

    `lang` is the reader's default language; `lang=` in the text overrides it, then the language of the question.
    """
    understood = read(text, lang)
    if isinstance(understood.command, Failure):
        return understood.command
    return understood.answer(reply_for(understood.command, today, understood.lang))


@dataclass(frozen=True)
class Understood:
    """What a person's words ask: the reply's language, the command (or why there is none), and, for free text,
    the command the words were read as, which every answer to them shows first."""

    lang: str
    command: Command | Failure
    read_back: ReadBack | None = None
    words: str = ""  # the command as typed, or as the free text was read: what an error's example is made from

    def answer(self, answer: Answer) -> Answer:
        if isinstance(answer, Failure) and answer.cause is not None:
            code, values = answer.cause
            example = _repaired(self.words, code, values, REPAIRS) or _answered(answer.example)
            answer = replace(answer, example=example or EXAMPLES["train"], cause=None)
        return answer if self.read_back is None else replace(answer, read_back=self.read_back)


# Repairs in a row an example may take (a word left out, then a size put in ...) before the fixed one is shown.
REPAIRS = 3


def _answered(text: str, repairs: int = REPAIRS, command: Command | None = None) -> str | None:
    """`text` when it is answered (an example must be), else `text` set right for the error it gets, a few times
    over, when that is answered: a command the grammar takes may still ask calc for what it cannot do (fp8 on a V100),
    and a question read may be missing two things. The day does not change whether a command is answered. `command`:
    what `text` parses to, when the caller has it already (from the Parsing that accepted it)."""
    try:
        if command is None:
            command = parse(text)
    except GrammarError as error:  # parse has made its example from these very words, unless it is the fixed one
        if repairs == 0 or error.example in (text, error.default_example):
            return None
        return _answered(error.example, repairs - 1, error.example_command)
    try:  # calc alone says whether it is answered: wording the answer would tell nothing more
        evaluate(command, date.today())
    except EstimateError as error:
        if repairs == 0:
            return None
        return _repaired(text, error.code, error.values, repairs - 1)
    return text


def _repaired(words: str, code: str, values: Mapping[str, object], repairs: int) -> str | None:
    """`words` set right for the error `code` (own_example), when the grammar takes them, and answered."""
    parsing = Parsing()
    repaired = own_example(words.split(), code, values, parsing)
    return None if repaired is None else _answered(repaired, repairs, parsing.command)


def read_free_text(text: str) -> "Reading | None":
    """bot.text.reader.read, imported on the first question: its ~70 patterns take 60-110 ms to compile, which a
    command the grammar takes (the CLI's, every slash command's) never needs."""
    from bot.text.reader import read

    return read(text)


def read(text: str, lang: str, free_text: bool = True) -> Understood:
    """The strict grammar first: what it accepts means exactly what it meant. What it refuses goes to the reader of
    free text (unless `free_text` is off: the form's fields are the grammar's own words, and a mistake in one is
    shown beside it); a refusal stands as it was when the words hold nothing beyond the grammar's own.

    One exception: `gpus`, `models` and `help` take any words after them and ignore them, so "GPU hours to train 7B
    on 1T tokens?" or "help me estimate training 70B" would list the catalog; when the words ask for an estimate,
    the estimate is answered."""
    text = without_marks(text)  # whatever is typed is echoed inert, never as one of the bot's own mentions
    words = words_of(text)  # split once: for the language asked for, the grammar and an error's example
    chosen = language_in(words)
    try:
        command = parse_words(words)
    except GrammarError as error:
        reading = read_free_text(text) if free_text else None
        lang = chosen or (reading.lang if reading else question_language(text)) or lang
        if reading is None:
            return Understood(lang, failure(error, lang, _answered_example(error, " ".join(words))))
    else:
        reading = read_free_text(text) if free_text and _listing_of_a_question(command, words) else None
        if reading is None or reading.missing is not None or reading.command.split()[0] not in ESTIMATES:
            return Understood(chosen or question_language(text) or lang, command, words=text)
        lang = chosen or reading.lang or lang
    back = read_back(reading, lang)
    return Understood(lang, _command_read(reading, lang, back), back, words=reading.command)


ESTIMATES = ("train", "infer", "compare", "finetune", "sweep", "rent")


def _listing_of_a_question(command: Command, words: list[str]) -> bool:
    """A listing whose command words are followed by others it ignores (a help topic is no such word)."""
    if isinstance(command, Help):
        return command.topic is not None and command.topic not in HELP_TOPICS
    return isinstance(command, ListGpus | ListModels) and len(words) > 1


def _command_read(reading: "Reading", lang: str, back: ReadBack) -> Command | Failure:
    if reading.missing is not None:
        message = t(lang, f"read_missing_{reading.missing}")
        example = _answered(reading.suggestion) if reading.suggestion else None
        return Failure(message=message, example=example or EXAMPLES["train"], lang=lang, read_back=back)
    try:
        return parse(reading.command)
    except GrammarError as error:
        return replace(failure(error, lang, _answered_example(error, reading.command)), read_back=back)


def _answered_example(error: GrammarError, words: str) -> str:
    """The error's example made from the person's words when it is answered, set right further when one repair is
    not enough (a word left out, then a size put in); else the command's fixed one."""
    if error.example != error.default_example:
        own = _answered(error.example, command=error.example_command)
        if own is not None:
            return own
    answer: str | None = None  # what the repair own_example accepted is answered as (it stops at the first)

    def accepted(text: str) -> bool:
        nonlocal answer
        answer = _answered(text)
        return answer is not None

    if own_example(words.split(), error.code, error.values, accepted) is not None:
        return answer or EXAMPLES["train"]
    # The fixed example is checked only when nothing of the person's words is answered.
    return _answered(error.default_example) or EXAMPLES["train"]


def reply_for(command: Command, today: date, lang: str = "en") -> Answer:
    if isinstance(command, Help):
        return help_listing(command.topic, lang)
    if isinstance(command, ListGpus):
        return gpus_listing(lang)
    if isinstance(command, ListModels):
        return models_listing(lang)
    if isinstance(command, ListPrices):
        from bot.wording.price_listings import prices_listing

        gpu_ids = [command.gpu] if command.gpu else [gpu.id for gpu in CATALOG]
        return prices_listing(price_table(gpu_ids, today), gpu_ids, lang, operator_file=operator_prices_in_force())
    if isinstance(command, ListApi):
        from bot.wording.price_listings import api_listing

        return api_listing(api_table(command.model, today), lang)
    if isinstance(command, TeamCommand):  # bot.team.commands answers these where there is a workspace to keep them for
        message = t(lang, "team_commands_need_a_workspace", command=command.kind)
        return Failure(message=message, example=EXAMPLES["train"], lang=lang)
    try:
        result = evaluate(command, today)
    except EstimateError as error:
        return failure(error, lang, _fixed_example(command))
    assert result is not None  # every command but help, listings and team commands reaches calc
    return worded(result, lang)


def _fixed_example(command: Command) -> str:
    """The example an error of calc's shows when none is made from the person's words (Understood.answer)."""
    if isinstance(command, Compare):
        return COMPARE_EXAMPLE
    if isinstance(command, Rent | Sweep):
        return EXAMPLES[command.kind]
    assert isinstance(command, Estimate)
    return EXAMPLES[command.request.kind]


def worded(result: Calculated, lang: str) -> "Report | Comparison | Listing":
    """calc's result in words, by what it is."""
    if isinstance(result, TrainResult):
        return train_report(result, lang)
    if isinstance(result, InferResult):
        return infer_report(result, lang)
    from bot.wording.comparison import comparison_report, sweep_report
    from bot.wording.price_listings import rent_comparison_listing, rent_listing
    from calc.compare import ComparisonResult
    from calc.rental import RentResult
    from calc.sweep import SweepResult

    if isinstance(result, ComparisonResult):
        return comparison_report(result, lang)
    if isinstance(result, SweepResult):
        return sweep_report(result, lang)
    if isinstance(result, RentResult):
        return rent_listing(result, lang)
    return rent_comparison_listing(result, lang)
