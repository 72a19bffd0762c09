"""The one way through: text -> grammar -> request -> calc -> result -> words. The CLI and Slack both call this."""

from datetime import date

from bot.render.escape import without_marks
from bot.text.grammar import (
    COMPARE_EXAMPLE,
    EXAMPLES,
    Command,
    Compare,
    Estimate,
    GrammarError,
    Help,
    ListApi,
    ListGpus,
    ListModels,
    ListPrices,
    Sweep,
    TeamCommand,
    language_of,
    parse,
)
from bot.wording.comparison import Comparison, comparison_report, sweep_report
from bot.wording.i18n import t
from bot.wording.listings import gpus_listing, help_listing, models_listing
from bot.wording.price_listings import api_listing, prices_listing
from bot.wording.report import Failure, Listing, Report, infer_report, train_report
from calc import EstimateError, EstimateResult, TrainResult, estimate
from calc.api_prices import api_table
from calc.compare import compare
from calc.gpus import CATALOG
from calc.prices import operator_prices_in_force, price_table
from calc.sweep import sweep

# Everything a command can get: an estimate, a comparison across GPUs, a listing, or what was wrong.
Answer = Report | Comparison | Listing | Failure


def failure(error: GrammarError | EstimateError, lang: str, example: str) -> Failure:
    message = t(lang, error.code, **error.values)
    suggestion = error.values.get("suggestion")
    if suggestion:
        message = f"{message} {t(lang, 'did_you_mean', suggestion=suggestion)}"
    return Failure(message=message, example=example, lang=lang)


def evaluate(command: Command, today: date) -> EstimateResult | None:
    """The estimate a command asks for, or None for help and listings."""
    if isinstance(command, Estimate):
        return estimate(command.request, today)
    return None


def reply_to(text: str, today: date, lang: str = "en") -> Answer:
    """Answer a command typed by a person; bad input becomes a Failure, never an exception.

    `lang` is the reader's default language; `lang=` in the text overrides it.
    """
    lang, command = read(text, lang)
    if isinstance(command, Failure):
        return command
    return reply_for(command, today, lang)


def read(text: str, lang: str) -> tuple[str, Command | Failure]:
    """The reply's language (`lang=` in the text beats `lang`) and the command, or the Failure saying why not."""
    text = without_marks(text)  # whatever is typed is echoed inert, never as one of the bot's own mentions
    lang = language_of(text) or lang
    try:
        return lang, parse(text)
    except GrammarError as error:
        return lang, failure(error, lang, error.example)


def reply_for(command: Command, today: date, lang: str = "en") -> Answer:
    if isinstance(command, Help):
        return help_listing(command.topic, lang)
    if isinstance(command, ListGpus):
        return gpus_listing(lang)
    if isinstance(command, ListModels):
        return models_listing(lang)
    if isinstance(command, ListPrices):
        gpu_ids = [command.gpu] if command.gpu else [gpu.id for gpu in CATALOG]
        return prices_listing(price_table(gpu_ids, today), gpu_ids, lang, operator_file=operator_prices_in_force())
    if isinstance(command, ListApi):
        return api_listing(api_table(command.model, today), lang)
    if isinstance(command, TeamCommand):  # bot.team.commands answers these where there is a workspace to keep them for
        message = t(lang, "team_commands_need_a_workspace", command=command.kind)
        return Failure(message=message, example=EXAMPLES["train"], lang=lang)
    if isinstance(command, Compare):
        try:
            return comparison_report(compare(command.request, command.gpus, today), lang)
        except EstimateError as error:  # no GPU in the list could be estimated
            return failure(error, lang, COMPARE_EXAMPLE)
    if isinstance(command, Sweep):
        try:
            return sweep_report(sweep(command.request, today), lang)
        except EstimateError as error:
            return failure(error, lang, EXAMPLES["sweep"])
    try:
        result = evaluate(command, today)
    except EstimateError as error:
        return failure(error, lang, EXAMPLES[command.request.kind])
    if isinstance(result, TrainResult):
        return train_report(result, lang)
    assert result is not None
    return infer_report(result, lang)
