"""Instructions from spawn to the first answer: the bot, bare Bolt, and bare Bolt importing the bot's libraries.

Run by hand from the repository root (not part of the test suite; valgrind must be installed):

    python -m bench.start_instructions

Issue 16's goal for start-up is a ratio of times against bare Bolt, and time on a shared machine moves from one
minute to the next; the instructions a process executes do not. Each server is started as bench.run starts it (its
environment, a SQLite file migrated beforehand, the fake Slack Web API) under cachegrind, sent the first
`/llmcost train 175B 500B` until it answers, then stopped with SIGTERM; cachegrind's count is everything it ran,
its graceful stop included (the same small step for every server).
"""

import asyncio
import os
import re
import tempfile
from pathlib import Path

from bench.run import ROOT, compile_checkouts, migrated, servers, start
from tests.support.fake_slack import FakeSlack

MEASURED = ("bare", "libs+sqlite3", "bot")
VALGRIND_PATIENCE_S = 600  # a process under cachegrind runs some 50 times slower


async def instructions(log: Path) -> dict[str, int]:
    fake = FakeSlack()
    await fake.start()
    counts: dict[str, int] = {}
    try:
        with tempfile.TemporaryDirectory(prefix="llmcost-instructions-") as directory:
            database = Path(directory) / "bot.db"
            every = {server.name: server for server in servers({})}
            await migrated(every["bot"], fake.api_url, database)
            for name in MEASURED:
                wrapper = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]
                wrapper.append(f"--log-file={log}")
                running = await start(every[name], fake.api_url, database, wrapper, VALGRIND_PATIENCE_S)
                await running.stop()
                found = re.search(r"I\s+refs:\s+([\d,]+)", log.read_text())
                if found is None:
                    raise RuntimeError(f"no instruction count from valgrind for {name}: {log}")
                counts[name] = int(found[1].replace(",", ""))
    finally:
        await fake.stop()
    return counts


def main() -> None:
    compile_checkouts([ROOT])
    os.environ["PYTHONHASHSEED"] = "0"  # the same sets and dicts in every run
    with tempfile.TemporaryDirectory() as directory:
        counts = asyncio.run(instructions(Path(directory) / "valgrind.log"))
    bare = counts["bare"]
    print("spawn to the first answered `/llmcost train 175B 500B`, then SIGTERM; instructions (cachegrind)")
    for name, count in counts.items():
        print(f"  {name:14s} {count / 1e6:9,.1f}M  {count / bare:.3f}x bare")
    print(f"  1.3x bare      {1.3 * bare / 1e6:9,.1f}M")


if __name__ == "__main__":
    main()
