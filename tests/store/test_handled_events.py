"""Event ids claimed across processes: the first claim answers, every later one (from any engine) does not."""

import asyncio
from datetime import UTC, datetime, timedelta

from sqlalchemy import URL, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.store.database import create_engine
from bot.store.handled_events import HandledEvents
from bot.store.models import HandledEvent


async def test_the_first_claim_wins_on_any_engine(engine: AsyncEngine, migrated_url: URL) -> None:
    other_engine = create_engine(migrated_url)
    try:
        one, other = HandledEvents(engine), HandledEvents(other_engine)
        assert await one.claim("Ev001") is True
        assert await other.claim("Ev001") is False
        assert await one.claim("Ev001") is False
        assert await other.claim("Ev002") is True
    finally:
        await other_engine.dispose()


async def test_of_twenty_concurrent_claims_exactly_one_wins(engine: AsyncEngine, migrated_url: URL) -> None:
    other_engine = create_engine(migrated_url)
    try:
        claimers = (HandledEvents(engine), HandledEvents(other_engine))
        won = await asyncio.gather(*(claimers[n % 2].claim("Ev042") for n in range(20)))
    finally:
        await other_engine.dispose()
    assert won.count(True) == 1


async def test_ids_older_than_an_hour_are_pruned(engine: AsyncEngine) -> None:
    await HandledEvents(engine).claim("EvOLD")
    async with engine.begin() as connection:  # as if claimed two hours ago
        await connection.execute(update(HandledEvent).values(handled_at=datetime.now(UTC) - timedelta(hours=2)))
    # A process prunes on its first claim, then every PRUNE_EVERY: a new one stands for a restarted process.
    assert await HandledEvents(engine).claim("EvNEW") is True
    async with engine.connect() as connection:
        assert (await connection.execute(select(HandledEvent.event_id))).scalars().all() == ["EvNEW"]
