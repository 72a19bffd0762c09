from datetime import date

import pytest

# Catalog prices are judged stale against this day, so results do not change as the calendar moves.
TODAY = date(2026, 11, 29)


@pytest.fixture
def today() -> date:
    return TODAY
