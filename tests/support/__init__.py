"""Test doubles the tests and bench/ share: a fake Slack Web API (fake_slack), signed requests (signing), the bot
as a process (processes), interactions and blocks as Slack sends and shows them, commands as the grammar reads them."""

from datetime import date

# Catalog prices are judged stale against this day, so results do not change as the calendar moves.
TODAY = date(2026, 11, 29)
