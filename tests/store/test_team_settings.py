"""The settings repository on SQLite and on PostgreSQL (and on SQLite through either implementation): round trips,
restarts, two processes, concurrency, keying."""

import asyncio
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from bot.store.interface import SettingsStore
from bot.team.records import Setting, Team
from tests.store.conftest import OpenStores

ACME = Team(team_id="T0ACME")
GLOBEX = Team(team_id="T0GLOBEX")


def values_of(settings: Sequence[Setting]) -> dict[str, str]:
    return {setting.key: setting.value for setting in settings}


async def test_set_get_reset_round_trip(store: SettingsStore) -> None:
    before = datetime.now(UTC)
    await store.set(ACME, "price:H100-SXM", "1.85", "U0ALICE")
    await store.set(ACME, "mfu", "0.4", "U0BOB")
    settings = await store.get_all(ACME)
    assert [(s.key, s.value, s.set_by) for s in settings] == [
        ("mfu", "0.4", "U0BOB"),
        ("price:H100-SXM", "1.85", "U0ALICE"),
    ]
    for setting in settings:  # stamped in UTC, time zone attached on both databases
        assert setting.set_at.utcoffset() == timedelta(0)
        assert before <= setting.set_at <= datetime.now(UTC)

    await store.set(ACME, "mfu", "0.45", "U0CAROL")
    assert values_of(await store.get_all(ACME)) == {"mfu": "0.45", "price:H100-SXM": "1.85"}
    assert (await store.get_all(ACME))[0].set_by == "U0CAROL"

    assert await store.reset(ACME, "mfu") == 1
    assert await store.reset(ACME, "mfu") == 0
    assert values_of(await store.get_all(ACME)) == {"price:H100-SXM": "1.85"}
    await store.set(ACME, "gpu", "H100-SXM", "U0ALICE")
    assert await store.reset(ACME) == 2
    assert await store.get_all(ACME) == ()


async def test_restart_keeps_settings(open_stores: OpenStores) -> None:
    await open_stores(None)[0].set(ACME, "currency", "CNY", "U0ALICE")
    settings = await open_stores(None)[0].get_all(ACME)
    assert [(s.key, s.value, s.set_by) for s in settings] == [("currency", "CNY", "U0ALICE")]


async def test_two_processes_on_one_database_agree_at_once(open_stores: OpenStores) -> None:
    one, other = open_stores(None)[0], open_stores(None)[0]
    await one.set(ACME, "price:H100-SXM", "1.85", "U0ALICE")
    assert values_of(await other.get_all(ACME)) == {"price:H100-SXM": "1.85"}
    await other.set(ACME, "price:H100-SXM", "1.7", "U0BOB")
    assert values_of(await one.get_all(ACME)) == {"price:H100-SXM": "1.7"}
    await other.reset(ACME)
    assert await one.get_all(ACME) == ()


async def test_fifty_concurrent_sets_of_distinct_keys_lose_none(open_stores: OpenStores) -> None:
    stores = (open_stores(None)[0], open_stores(None)[0])
    await asyncio.gather(*(stores[n % 2].set(ACME, f"price:GPU-{n:02d}", f"{n}.5", f"U{n:02d}") for n in range(50)))
    settings = await stores[0].get_all(ACME)
    assert {(s.key, s.value, s.set_by) for s in settings} == {
        (f"price:GPU-{n:02d}", f"{n}.5", f"U{n:02d}") for n in range(50)
    }


async def test_fifty_concurrent_sets_of_one_key_all_land_and_one_wins_whole(open_stores: OpenStores) -> None:
    stores = (open_stores(None)[0], open_stores(None)[0])
    written = await asyncio.gather(*(stores[n % 2].set(ACME, "mfu", f"0.{n + 10}", f"U{n:02d}") for n in range(50)))
    settings = await stores[1].get_all(ACME)
    assert len(written) == 50
    assert len(settings) == 1
    winner = settings[0]
    # One of the fifty writes, value and author together: no row mixes two writes.
    assert (winner.value, winner.set_by) in {(f"0.{n + 10}", f"U{n:02d}") for n in range(50)}


async def test_the_last_write_wins(store: SettingsStore) -> None:
    for n, user in enumerate(["U0ALICE", "U0BOB", "U0CAROL"]):
        await store.set(ACME, "rate", f"7.{n}", user)
    [setting] = await store.get_all(ACME)
    assert (setting.value, setting.set_by) == ("7.2", "U0CAROL")


async def test_two_teams_never_see_each_others_values(store: SettingsStore) -> None:
    await store.set(ACME, "price:H100-SXM", "1.85", "U0ALICE")
    await store.set(GLOBEX, "price:H100-SXM", "2.4", "U0HANK")
    await store.set(GLOBEX, "gpu", "H200-SXM", "U0HANK")
    assert values_of(await store.get_all(ACME)) == {"price:H100-SXM": "1.85"}
    assert values_of(await store.get_all(GLOBEX)) == {"price:H100-SXM": "2.4", "gpu": "H200-SXM"}
    assert await store.reset(ACME) == 1
    assert values_of(await store.get_all(GLOBEX)) == {"price:H100-SXM": "2.4", "gpu": "H200-SXM"}


async def test_settings_are_keyed_by_enterprise_and_team(store: SettingsStore) -> None:
    plain = Team(team_id="T0SHARED")
    in_grid = Team(team_id="T0SHARED", enterprise_id="E0GRID")
    in_other_grid = Team(team_id="T0SHARED", enterprise_id="E0OTHER")
    await store.set(plain, "mfu", "0.3", "U1")
    await store.set(in_grid, "mfu", "0.4", "U2")
    await store.set(in_other_grid, "mfu", "0.5", "U3")
    assert values_of(await store.get_all(plain)) == {"mfu": "0.3"}
    assert values_of(await store.get_all(in_grid)) == {"mfu": "0.4"}
    assert values_of(await store.get_all(in_other_grid)) == {"mfu": "0.5"}
    await store.reset(in_grid, "mfu")
    assert values_of(await store.get_all(plain)) == {"mfu": "0.3"}
    assert values_of(await store.get_all(in_other_grid)) == {"mfu": "0.5"}
