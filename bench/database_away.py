"""How long `python -m bot` takes to answer while its PostgreSQL is away: stopped (connections refused) and frozen
(connections accepted, nothing answered, as from an unreachable host or a hung server); then once it is back.

Run by hand from the repository root (not part of the test suite; needs the PostgreSQL server programs):

    python -m bench.database_away [--commands 30]

A throwaway PostgreSQL server and `python -m bot` (HTTP mode) run as subprocesses against the tests' fake Slack Web
API. An admin sets a team price first. In each phase: `--commands` signed `/llmcost train 70B 1T gpu=H100` one after
another (the time is from sending the request to reading the answer, which is the acknowledgement Slack waits 3 s
for), one `set mfu 40%` by the admin, and one mention delivered twice (the second as Slack's retry; the time is from
sending it to the fake receiving chat.postMessage). Each line says how many answers carried the note that the team's
defaults could not be read, and how many the team's price. A last phase adds a users.info that hangs, for people
the bot has not seen yet: the worst case, Slack's wait and the database's one after the other. Before the phases,
with the database up, 64 commands at once, ten times: none may carry the note (the wait for a pooled connection
counts against STORE_WAIT_S).
"""

import argparse
import asyncio
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import aiohttp

from tests.support import throwaway_postgres
from tests.support.fake_slack import FakeSlack
from tests.support.processes import free_port, http_variables, spawn_bot, stop, wait_until_serving
from tests.support.signing import command_body, mention_body, signed_headers
from tests.support.throwaway_postgres import StoppablePostgres

ADMIN = "U0ADMIN"
WORDS = "train 70B 1T gpu=H100"
NOTE = "could not be read this time"
TEAM_PRICE = "team price"
RETRY = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
SLACK_DEADLINE_S = 3.0


class Bot:
    def __init__(self, url: str, session: aiohttp.ClientSession, fake: FakeSlack) -> None:
        self.url, self.session, self.fake = url, session, fake
        self.events = 0

    async def post(self, body: bytes, content_type: str, extra: dict[str, str] | None = None) -> str:
        headers = {"Content-Type": content_type, **signed_headers(body), **(extra or {})}
        async with self.session.post(f"{self.url}/slack/events", data=body, headers=headers) as response:
            assert response.status == 200, response.status
            return await response.text()

    async def command(self, text: str, user: str = "U123") -> tuple[float, str]:
        started = time.perf_counter()
        answer = await self.post(command_body(text, user=user), "application/x-www-form-urlencoded")
        return time.perf_counter() - started, answer

    async def mention_twice(self) -> tuple[float, int]:
        """A mention and Slack's retry of it: the time to the answer, and how many answers it got."""
        self.events += 1
        body = mention_body(f"<@UBOT> {WORDS}", event_id=f"EvBench{self.events}")
        before = len(self.fake.made("chat.postMessage"))
        started = time.perf_counter()
        await self.post(body, "application/json")
        await self.fake.wait_for("chat.postMessage", before + 1, timeout=10)
        took = time.perf_counter() - started
        await self.post(body, "application/json", RETRY)
        await asyncio.sleep(1.5)  # room for a second answer, were the retry answered
        return took, len(self.fake.made("chat.postMessage")) - before


async def phase(name: str, bot: Bot, commands: int, strangers: bool = False) -> None:
    """`strangers`: each command from someone the bot has not seen, so that it waits for users.info first."""
    times, notes, team = [], 0, 0
    for n in range(commands):
        took, answer = await bot.command(WORDS, user=f"U0{name.upper()[:4]}{n:03d}" if strangers else "U123")
        times.append(took)
        notes += NOTE in answer
        team += TEAM_PRICE in answer
    set_took, set_answer = await bot.command("set mfu 40%", user=ADMIN)
    mention_took, answers = await bot.mention_twice()
    ordered = sorted(times)
    print(
        f"{name:<23} {commands:>4} {statistics.median(times) * 1000:>8.1f} {ordered[int(0.99 * len(ordered))] * 1000:>8.1f}"
        f" {ordered[-1] * 1000:>8.1f} {notes:>5} {team:>5} {set_took * 1000:>8.1f} {set_answer[9:40]!r:<34}"
        f" {mention_took * 1000:>8.1f} {answers:>3}"
    )
    assert ordered[-1] < SLACK_DEADLINE_S and set_took < SLACK_DEADLINE_S and answers == 1


async def burst(bot: Bot, concurrency: int, rounds: int) -> None:
    """The database up and the bot busy: `concurrency` commands at once, `rounds` times. A reply that waited for the
    pool or the event loop past STORE_WAIT_S would carry the note although the database is fine: none may."""
    answered: list[tuple[float, str]] = []
    for _ in range(rounds):
        answered += await asyncio.gather(*(bot.command(WORDS) for _ in range(concurrency)))
    times = sorted(took for took, _ in answered)
    notes = sum(NOTE in answer for _, answer in answered)
    print(
        f"up, {concurrency} at once: {len(answered)} commands, p50 {statistics.median(times) * 1000:.1f} ms, "
        f"max {times[-1] * 1000:.1f} ms, {notes} with the note\n"
    )
    assert notes == 0


async def run(commands: int) -> None:
    binaries = throwaway_postgres.find_binaries()
    if binaries is None:
        sys.exit("no PostgreSQL server programs (pg_ctl) found")
    directory = Path(tempfile.mkdtemp(prefix="llmcost-bench-pg-"))
    server = StoppablePostgres(directory, binaries, throwaway_postgres.start(directory, binaries))
    fake = FakeSlack()
    await fake.start()
    fake.users[ADMIN] = {"is_admin": True}
    port = free_port()
    process = await spawn_bot(
        directory, **http_variables(fake.api_url, port), DATABASE_URL=server.url, LOG_LEVEL="WARNING"
    )
    url = f"http://127.0.0.1:{port}"
    try:
        await wait_until_serving(url, process)
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=15)) as session:
            bot = Bot(url, session, fake)
            await bot.command("set price H100 1.85", user=ADMIN)
            await burst(bot, concurrency=64, rounds=10)
            print(
                f"{commands} x `/llmcost {WORDS}` one after another, then `set mfu 40%`, then a mention and its retry"
            )
            print(
                "phase                   cmds   p50 ms   p99 ms   max ms notes team   set ms set answer                         mention ms answers"
            )
            steps: list[tuple[str, Callable[[], None]]] = [
                ("up", lambda: None),
                ("stopped", server.stop),
                ("back", server.start),
                ("frozen", server.freeze),
                ("thawed", server.thaw),
            ]
            for name, change in steps:
                change()
                await phase(name, bot, commands)
            # The worst case: users.info hangs too, and the reply goes without it after bot.slack.people.WAIT_S.
            server.freeze()
            fake.delays["users.info"] = 5.0
            await phase("frozen+slow users.info", bot, max(commands // 3, 1), strangers=True)
    finally:
        if server.frozen:
            server.thaw()
        stderr = await stop(process)
        await fake.stop()
        if server.running:
            server.stop()
        shutil.rmtree(directory, ignore_errors=True)
    print("\nthe bot's log (warnings):")
    print("\n".join(f"  {line}" for line in stderr.decode().splitlines()))


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.database_away", description=__doc__)
    parser.add_argument("--commands", type=int, default=30, help="slash commands per phase")
    asyncio.run(run(parser.parse_args().commands))


if __name__ == "__main__":
    main()
