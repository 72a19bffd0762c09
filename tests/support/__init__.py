"""Test doubles the tests and bench/ share: a fake Slack Web API, signed requests, the bot as a process."""

from datetime import date

# Catalog prices are judged stale against this day, so results do not change as the calendar moves.
TODAY = date(2026, 11, 29)
