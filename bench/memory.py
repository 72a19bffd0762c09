"""The web process's memory after bench.run's load, for checkouts of the bot (and bare Bolt) paired in rounds.

Run by hand from the repository root (not part of the test suite):

    python -m bench.memory --rounds 4 before=/path/to/a/checkout after=. [--bare]

bench.run's own start and load, one server at a time: spawned on a SQLite file migrated beforehand, its first
`/llmcost train 175B 500B`, 100 warm-up commands at concurrency 8, 200 at 1, 1,000 at 8 and 2,000 at 64 (bench.run's
five texts in turn, no error allowed), then resident memory (VmRSS). Each round runs every server in turn, the order
reversed every other round. Memory is steady from run to run (a few hundredths of a MiB), so a lever of 0.1 MiB shows
in 3–4 rounds, at ~10 s a server: what `bench.run` measures with every other figure in 10 minutes.
"""

import argparse
import asyncio
import statistics
import sys
import tempfile
from pathlib import Path

from bench.run import (
    BARE,
    REQUESTS,
    SATURATION,
    WARM_UP,
    Server,
    compile_checkouts,
    in_turns,
    load,
    migrated,
    rss_mib,
    start,
)
from tests.support.fake_slack import FakeSlack

CHUNKS = ((8, WARM_UP), *REQUESTS.items(), SATURATION)  # (concurrency, commands), in bench.run's order


async def after_the_load(server: Server, api_url: str, database: Path) -> tuple[float, float]:
    """VmRSS in MiB after the first answer and after the load."""
    running = await start(server, api_url, database)
    pid = running.process.pid
    try:
        first = rss_mib(pid)
        for concurrency, commands in CHUNKS:
            chunk = await load(server, running.url, pid, concurrency, commands)
            if chunk.errors:
                raise RuntimeError(f"{server.name}: {chunk.errors} errors at concurrency {concurrency}")
        return first, rss_mib(pid)
    finally:
        await running.stop()


async def measure(every: list[Server], rounds: int) -> dict[str, list[float]]:
    fake = FakeSlack()
    await fake.start()
    try:
        with tempfile.TemporaryDirectory(prefix="llmcost-memory-") as directory:
            database = Path(directory) / "bot.db"
            bot = next(server for server in every if server.is_bot)
            await migrated(bot, fake.api_url, database)
            after: dict[str, list[float]] = {server.name: [] for server in every}
            for round_index in range(rounds):
                for server in in_turns(every, round_index):
                    first, loaded = await after_the_load(server, fake.api_url, database)
                    after[server.name].append(loaded)
                    print(f"round {round_index + 1}: {server.name} {first:.2f} -> {loaded:.2f} MiB", file=sys.stderr)
            return after
    finally:
        await fake.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "checkouts", nargs="+", metavar="NAME=DIR", help="the bot of each checkout; the first is the base"
    )
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--bare", action="store_true", help="also bare Bolt (bench/bare_bolt.py)")
    arguments = parser.parse_args()
    named = [(name, Path(root).resolve()) for name, root in (pair.split("=", 1) for pair in arguments.checkouts)]
    every = [Server(name, [sys.executable, "-m", "bot"], answers_with_text=True, root=root) for name, root in named]
    if arguments.bare:
        every.append(Server("bare", BARE, answers_with_text=False))
    compile_checkouts(root for _, root in named)
    after = asyncio.run(measure(every, arguments.rounds))
    base = every[0].name
    print(f"VmRSS after the load, MiB: median [range] of {arguments.rounds} rounds; change from {base}, per round")
    for name, values in after.items():
        changes = " ".join(f"{value - ours:+.2f}" for ours, value in zip(after[base], values, strict=True))
        print(f"  {name:12s} {statistics.median(values):6.2f} [{min(values):.2f}-{max(values):.2f}]  {changes}")


if __name__ == "__main__":
    main()
