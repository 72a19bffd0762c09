"""Event ids claimed across processes: the first claim answers, every later one (from any process) does not; on
SQLite and PostgreSQL, and on SQLite through either implementation."""

import asyncio
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.store.models import HandledEvent
from tests.store.conftest import OpenStores


async def test_the_first_claim_wins_in_any_process(open_stores: OpenStores) -> None:
    one, other = open_stores(None)[1], open_stores(None)[1]
    assert await one.claim("Ev001") is True
    assert await other.claim("Ev001") is False
    assert await one.claim("Ev001") is False
    assert await other.claim("Ev002") is True


async def test_of_twenty_concurrent_claims_exactly_one_wins(open_stores: OpenStores) -> None:
    claimers = (open_stores(None)[1], open_stores(None)[1])
    won = await asyncio.gather(*(claimers[n % 2].claim("Ev042") for n in range(20)))
    assert won.count(True) == 1


async def test_ids_older_than_an_hour_are_pruned(open_stores: OpenStores, engine: AsyncEngine) -> None:
    await open_stores(None)[1].claim("EvOLD")
    async with engine.begin() as connection:  # as if claimed two hours ago, written as SQLAlchemy writes moments
        await connection.execute(update(HandledEvent).values(handled_at=datetime.now(UTC) - timedelta(hours=2)))
    # A process prunes on its first claim, then every PRUNE_EVERY: a new one stands for a restarted process.
    assert await open_stores(None)[1].claim("EvNEW") is True
    async with engine.connect() as connection:
        assert (await connection.execute(select(HandledEvent.event_id))).scalars().all() == ["EvNEW"]
