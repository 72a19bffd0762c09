"""Commands as the grammar reads them, for tests that start from the words a person types."""

from bot.text.grammar import Estimate, parse
from calc import EstimateRequest


def request_of(text: str) -> EstimateRequest:
    """The estimate request `text` asks for; a test that gives other words fails here, saying so."""
    command = parse(text)
    assert isinstance(command, Estimate), f"{text!r} is not an estimate: {command!r}"
    return command.request
