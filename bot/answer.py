"""The one way through: text -> grammar -> request -> calc -> result -> words. The CLI and Slack both call this."""

from datetime import date

from bot.compare_report import Comparison, comparison_report
from bot.grammar import (
    COMPARE_EXAMPLE,
    EXAMPLES,
    Command,
    Compare,
    Estimate,
    GrammarError,
    Help,
    ListGpus,
    ListModels,
    language_of,
    parse,
)
from bot.i18n import t
from bot.listings import gpus_listing, help_listing, models_listing
from bot.report import Failure, Reply, infer_report, train_report
from calc import EstimateError, EstimateResult, TrainResult, estimate
from calc.compare import compare

# What a command gets: a comparison across GPUs besides the replies in bot.report.
Answer = Reply | Comparison


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
    lang = language_of(text) or lang
    try:
        command = parse(text)
    except GrammarError as error:
        return failure(error, lang, error.example)
    return reply_for(command, today, lang)


def reply_for(command: Command, today: date, lang: str = "en") -> Answer:
    if isinstance(command, Help):
        return help_listing(command.topic, lang)
    if isinstance(command, ListGpus):
        return gpus_listing(lang)
    if isinstance(command, ListModels):
        return models_listing(lang)
    if isinstance(command, Compare):
        try:
            return comparison_report(compare(command.request, command.gpus, today), lang)
        except EstimateError as error:  # no GPU in the list could be estimated
            return failure(error, lang, COMPARE_EXAMPLE)
    try:
        result = evaluate(command, today)
    except EstimateError as error:
        return failure(error, lang, EXAMPLES[command.request.kind])
    if isinstance(result, TrainResult):
        return train_report(result, lang)
    assert result is not None
    return infer_report(result, lang)
