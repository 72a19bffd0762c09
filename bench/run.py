"""Benchmark `python -m bot` against a bare Bolt app that only acks, in paired rounds on a shared machine.

Run by hand from the repository root (not part of the test suite):

    python -m bench.run [--rounds 7]

Every measure is taken in rounds. In each round every server takes the same step in turn, one chunk of samples
each, the order reversed from one round to the next, so that the machine's drift (other people's work on a
shared machine) falls on all of them alike; each ratio is taken within a round (paired), and the report gives
the median and interquartile range of the rounds. One round:

1. each server is spawned and sent a signed `/llmcost train 175B 500B` until it answers: spawn to the answer
   (`bot` on a database migrated beforehand; `bot-new-db` on a new SQLite file each time, then stopped);
2. 100 warm-up commands at concurrency 8;
3. latency at concurrency 1, then at 8, with the server's own CPU time (user + system, /proc/<pid>/stat) over
   the commands of the chunk;
4. 2,000 commands at concurrency 64: no errors allowed and every answer within Slack's 3 s; the server's
   capacity is commands per second of its own CPU (saturation, not latency, is what this level tells);
5. resident memory (VmRSS), then every server is stopped.

Then the CLI: `llmcost train 175B 500B` against `python -c pass` and `python -c "import pydantic"`, wall time,
the same way in rounds. The servers run as subprocesses with the same environment against the tests' local fake
of Slack's Web API; everything goes to 127.0.0.1. Besides `bare`, two servers split start-up and memory into the
libraries' and llmcost's own: `libs+sqlalchemy` is the bare app after importing what the bot imports besides
Bolt (pydantic, pydantic-settings, python-dotenv, SQLAlchemy's asyncio engine with aiosqlite) and `libs+sqlite3`
the same with stdlib sqlite3 (and aiosqlite) instead of SQLAlchemy.

`--compare before=/path/to/another/checkout` adds that checkout's bot to every round, paired with this one's:
what a change buys, measured on the same noisy machine at the same moments.
"""

import argparse
import asyncio
import compileall
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

from tests.support.fake_slack import FakeSlack
from tests.support.processes import free_port, http_variables
from tests.support.signing import command_body, signed_headers

ROOT = Path(__file__).resolve().parents[1]
BARE = [sys.executable, str(ROOT / "bench" / "bare_bolt.py")]
LIBRARIES = "pydantic,pydantic_settings,dotenv"
FIRST_QUESTION = "train 175B 500B"
# What people ask: an estimate of each kind, a comparison, a listing, an error.
TEXTS = (
    FIRST_QUESTION,
    "infer 70B batch=32 gpu=H100",
    "compare train 7B gpu=A100,H100",
    "gpus",
    "train 7B gpu=H1OO",
)
SLACK_DEADLINE_S = 3.0
WARM_UP = 100
REQUESTS = {1: 200, 8: 1000}  # concurrency: commands a round, measured for latency and CPU
SATURATION = (64, 2000)  # concurrency, commands


@dataclass(frozen=True)
class Server:
    name: str
    command: list[str]
    answers_with_text: bool  # the bot answers with a message; the bare apps' ack is empty
    loaded: bool = True  # False: only its start to the first answer is measured
    new_database: bool = False
    root: Path = ROOT  # the checkout it runs from

    @property
    def is_bot(self) -> bool:
        return self.command[1:] == ["-m", "bot"]


def servers(others: dict[str, Path]) -> list[Server]:
    """The servers of a run; `others` adds a bot from another checkout of llmcost each (to measure a change)."""
    bot = [sys.executable, "-m", "bot"]
    return [
        Server("bot", bot, answers_with_text=True),
        *(Server(name, bot, answers_with_text=True, root=root.resolve()) for name, root in others.items()),
        Server("bare", BARE, answers_with_text=False),
        Server("bot-new-db", bot, answers_with_text=True, loaded=False, new_database=True),
        Server(
            "libs+sqlalchemy",
            [*BARE, "--with", f"{LIBRARIES},sqlalchemy.ext.asyncio,sqlalchemy.dialects.sqlite.aiosqlite"],
            answers_with_text=False,
        ),
        Server("libs+sqlite3", [*BARE, "--with", f"{LIBRARIES},sqlite3,aiosqlite"], answers_with_text=False),
    ]


@dataclass
class Chunk:
    """One server's samples of one step in one round."""

    latencies_s: list[float] = field(default_factory=list)
    errors: int = 0
    cpu_s: float = 0.0  # the server's own CPU time (user + system) during the chunk

    def percentile_ms(self, share: float) -> float:
        ordered = sorted(self.latencies_s)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000

    @property
    def cpu_ms_per_command(self) -> float:
        return self.cpu_s / len(self.latencies_s) * 1000


# Per server, per measure, one value a round (in round order, so that two servers' values pair up).
Samples = dict[str, dict[str, list[float]]]


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of the process (all its threads) so far: /proc/<pid>/stat fields 14 and 15."""
    after_name = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(after_name[11]) + int(after_name[12])) / os.sysconf("SC_CLK_TCK")


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for {pid}")


async def one_command(session: aiohttp.ClientSession, url: str, text: str, server: Server, chunk: Chunk) -> None:
    body = command_body(text)
    headers = {"Content-Type": "application/x-www-form-urlencoded", **signed_headers(body)}
    began = time.perf_counter()
    try:
        async with session.post(f"{url}/slack/events", data=body, headers=headers) as response:
            answer = await response.read()
            ok = response.status == 200
    except aiohttp.ClientError:
        ok, answer = False, b""
    elapsed = time.perf_counter() - began
    chunk.latencies_s.append(elapsed)
    if not ok or elapsed > SLACK_DEADLINE_S or (server.answers_with_text and not json.loads(answer).get("text")):
        chunk.errors += 1


async def load(server: Server, url: str, pid: int, concurrency: int, commands: int) -> Chunk:
    chunk = Chunk()
    gate = asyncio.Semaphore(concurrency)
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=30)) as session:

        async def gated(index: int) -> None:
            async with gate:
                await one_command(session, url, TEXTS[index % len(TEXTS)], server, chunk)

        before = cpu_seconds(pid)
        await asyncio.gather(*(gated(index) for index in range(commands)))
        chunk.cpu_s = cpu_seconds(pid) - before
    return chunk


class Running:
    """A server process started for this round, its URL, and the wall time and its own CPU time from spawn to its
    first answer (the CPU time moves far less than the wall time when other people's work shares the machine)."""

    def __init__(
        self, server: Server, process: asyncio.subprocess.Process, url: str, first_answer_s: float, cpu_s: float
    ) -> None:
        self.server, self.process, self.url = server, process, url
        self.first_answer_s, self.first_answer_cpu_s = first_answer_s, cpu_s

    async def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        await asyncio.wait_for(self.process.wait(), timeout=30)


async def start(
    server: Server, api_url: str, database: Path, wrapper: Sequence[str] = (), patience_s: float = 30
) -> Running:
    """Spawn the server and send it the first question until it answers: what a user after a cold start waits.
    `wrapper`: a command the server runs under (bench.start_instructions: valgrind, which needs more patience)."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    own = {key: value for key, value in os.environ.items() if not key.startswith("SLACK_")}
    # A DATABASE_URL of this shell (a PostgreSQL) is passed on, except to the server that needs a new SQLite file.
    given = None if server.new_database else os.environ.get("DATABASE_URL")
    env = {
        **own,
        "PYTHONPATH": str(server.root),
        "DATABASE_URL": given or f"sqlite:///{database}",
        **http_variables(api_url, port),
    }
    began = time.perf_counter()
    process = await asyncio.create_subprocess_exec(
        *wrapper,
        *server.command,
        cwd=server.root,
        env=env,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as session:
        while time.perf_counter() - began < patience_s:
            chunk = Chunk()
            try:
                await one_command(session, url, FIRST_QUESTION, server, chunk)
            except aiohttp.ClientError:
                chunk.errors = 1
            if not chunk.errors:
                return Running(server, process, url, time.perf_counter() - began, cpu_seconds(process.pid))
            if process.returncode is not None:
                break
            await asyncio.sleep(0.002)
    process.kill()
    raise RuntimeError(f"{server.name} never answered {FIRST_QUESTION!r}")


async def migrated(server: Server, api_url: str, database: Path) -> None:
    """The database a bot starts on in every round: created and migrated by one start before the first."""
    await (await start(server, api_url, database)).stop()


def in_turns(items: Sequence, round_index: int) -> list:
    """The round's order: reversed every other round."""
    return list(items) if round_index % 2 == 0 else list(reversed(items))


async def server_round(
    every: list[Server], round_index: int, api_url: str, workdir: Path, requests: dict[int, int], samples: Samples
) -> None:
    order = in_turns(every, round_index)
    running: list[Running] = []
    try:
        for server in order:
            database = workdir / (f"new-{round_index}.db" if server.new_database else f"{server.name}.db")
            started = await start(server, api_url, database)
            record(samples, server.name, "first answer ms", started.first_answer_s * 1000)
            record(samples, server.name, "first answer CPU ms", started.first_answer_cpu_s * 1000)
            if server.loaded:
                running.append(started)
            else:
                await started.stop()
        for each in running:
            await load(each.server, each.url, each.process.pid, 8, WARM_UP)
        for concurrency, commands in requests.items():
            for each in running:
                chunk = await load(each.server, each.url, each.process.pid, concurrency, commands)
                record(samples, each.server.name, f"p50 ms at {concurrency}", chunk.percentile_ms(0.5))
                record(samples, each.server.name, f"p99 ms at {concurrency}", chunk.percentile_ms(0.99))
                record(samples, each.server.name, f"CPU ms per command at {concurrency}", chunk.cpu_ms_per_command)
                record(samples, each.server.name, f"errors at {concurrency}", chunk.errors)
        concurrency, commands = SATURATION
        for each in running:
            chunk = await load(each.server, each.url, each.process.pid, concurrency, commands)
            record(samples, each.server.name, f"commands per CPU-second at {concurrency}", commands / chunk.cpu_s)
            record(samples, each.server.name, f"errors at {concurrency}", chunk.errors)
            record(samples, each.server.name, f"slowest ms at {concurrency}", max(chunk.latencies_s) * 1000)
        for each in running:
            record(samples, each.server.name, "memory MiB", rss_mib(each.process.pid))
    finally:
        for each in running:
            await each.stop()


def cli_commands() -> dict[str, list[str]]:
    script = Path(sys.executable).with_name("llmcost")
    llmcost = [str(script)] if script.exists() else [sys.executable, "-m", "bot.cli"]
    return {
        "llmcost train 175B 500B": [*llmcost, *FIRST_QUESTION.split()],
        "python -c pass": [sys.executable, "-c", "pass"],
        "python -c 'import pydantic'": [sys.executable, "-c", "import pydantic"],
    }


def cli_round(round_index: int, runs: int, samples: Samples) -> None:
    """Wall time of each command, the median of `runs` runs taken in turns."""
    commands = cli_commands()
    # This checkout's llmcost, whichever the script's installation points at.
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name in in_turns(list(commands), round_index):
            began = time.perf_counter()
            subprocess.run(commands[name], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, check=True)
            times[name].append(time.perf_counter() - began)
    for name, seconds in times.items():
        record(samples, name, "wall ms", statistics.median(seconds) * 1000)


def record(samples: Samples, server: str, measure: str, value: float) -> None:
    samples.setdefault(server, {}).setdefault(measure, []).append(value)


def figure(value: float) -> str:
    """Three significant digits or more, without an exponent."""
    return f"{value:.0f}" if abs(value) >= 100 else f"{value:.3g}"


def spread(values: Sequence[float]) -> str:
    """Median [first quartile–third quartile]."""
    if len(values) < 2:
        return figure(values[0])
    q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return f"{figure(median)} [{figure(q1)}–{figure(q3)}]"


def ratios(ours: Sequence[float], theirs: Sequence[float]) -> list[float]:
    return [a / b for a, b in zip(ours, theirs, strict=True)]


def report(every: list[Server], samples: Samples, rounds: int, requests: dict[int, int], cli_runs: int) -> str:
    names = [server.name for server in every]
    measures = list(dict.fromkeys(measure for name in names for measure in samples.get(name, {})))
    lines = [
        f"{rounds} paired rounds, order reversed each round; median [interquartile range] over the rounds.",
        f"A round: start to the first answered `/llmcost {FIRST_QUESTION}`, {WARM_UP} warm-up commands, "
        + ", ".join(f"{commands} at concurrency {concurrency}" for concurrency, commands in requests.items())
        + f", then {SATURATION[1]} at {SATURATION[0]}, memory (VmRSS) after the "
        f"{1 + WARM_UP + sum(requests.values()) + SATURATION[1]} commands.",
        "",
        f"{'measure':<38}" + "".join(f"{name:>22}" for name in names),
    ]
    for measure in measures:
        cells = [spread(samples[name][measure]) if measure in samples.get(name, {}) else "" for name in names]
        lines.append(f"{measure:<38}" + "".join(f"{cell:>22}" for cell in cells))

    def paired(label: str, ours: str, theirs: str, measure: str, goal: float | None, higher_is_better: bool = False):
        values = ratios(samples[ours][measure], samples[theirs][measure])
        median = statistics.median(values)
        verdict = ""
        if goal is not None:
            met = median >= goal if higher_is_better else median <= goal
            verdict = f"  goal {'>=' if higher_is_better else '<='} {goal}x: {'met' if met else 'NOT met'}"
        lines.append(f"  {label:<52} {spread(values):>24}x{verdict}")

    lines += ["", "paired ratios, bot / bare (median [IQR] of the per-round ratios):"]
    paired("start to first answer", "bot", "bare", "first answer ms", 1.3)
    paired("start to first answer, new SQLite file", "bot-new-db", "bare", "first answer ms", None)
    paired("CPU time to first answer", "bot", "bare", "first answer CPU ms", 1.3)
    paired("CPU time to first answer, new SQLite file", "bot-new-db", "bare", "first answer CPU ms", None)
    paired("memory after the load", "bot", "bare", "memory MiB", 1.4)
    for concurrency in requests:
        paired(f"p50 at concurrency {concurrency}", "bot", "bare", f"p50 ms at {concurrency}", 1.0)
        paired(f"p99 at concurrency {concurrency}", "bot", "bare", f"p99 ms at {concurrency}", 1.0)
    paired("CPU per command at concurrency 8", "bot", "bare", "CPU ms per command at 8", 1.5)
    paired(
        f"capacity at {SATURATION[0]} (commands per CPU-s)",
        "bot",
        "bare",
        f"commands per CPU-second at {SATURATION[0]}",
        None,
    )
    errors = sum(sum(samples["bot"][f"errors at {concurrency}"]) for concurrency in [*requests, SATURATION[0]])
    slowest = max(samples["bot"][f"slowest ms at {SATURATION[0]}"])
    lines.append(
        f"  bot errors {errors:.0f} (goal 0); slowest answer at {SATURATION[0]} {slowest:.0f} ms "
        f"(Slack's limit {SLACK_DEADLINE_S * 1000:.0f})"
    )
    for other in every:
        if other.is_bot and other.name != "bot" and other.loaded:
            lines += ["", f"paired ratios, bot / {other.name}:"]
            for measure in (
                "first answer ms",
                "first answer CPU ms",
                "memory MiB",
                *(f"p50 ms at {c}" for c in requests),
            ):
                paired(measure, "bot", other.name, measure, None)
            for measure in (*(f"p99 ms at {c}" for c in requests), "CPU ms per command at 8"):
                paired(measure, "bot", other.name, measure, None)
    lines += ["", "where start-up and memory go (paired ratios):"]
    for label, ours, theirs in (
        ("the libraries with SQLAlchemy / bare", "libs+sqlalchemy", "bare"),
        ("the libraries with sqlite3 / bare", "libs+sqlite3", "bare"),
        ("bot / the libraries with SQLAlchemy", "bot", "libs+sqlalchemy"),
        ("bot / the libraries with sqlite3", "bot", "libs+sqlite3"),
    ):
        paired(f"{label}: start", ours, theirs, "first answer ms", None)
        paired(f"{label}: start, CPU", ours, theirs, "first answer CPU ms", None)
        paired(f"{label}: memory", ours, theirs, "memory MiB", None)
    # What the bot would weigh without SQLAlchemy on the request path, if it saved what SQLAlchemy costs the
    # bare stack (libs+sqlalchemy - libs+sqlite3, the same round): a projection, not a measurement of such a bot.
    lines += ["", "projected: bot without SQLAlchemy (bot - (libs+sqlalchemy - libs+sqlite3)) / bare, per round:"]
    for label, measure, goal in (
        ("start to first answer", "first answer ms", 1.3),
        ("CPU time to first answer", "first answer CPU ms", 1.3),
        ("memory after the load", "memory MiB", 1.4),
    ):
        values = [
            (bot - (heavy - light)) / bare
            for bot, heavy, light, bare in zip(
                *(samples[name][measure] for name in ("bot", "libs+sqlalchemy", "libs+sqlite3", "bare")), strict=True
            )
        ]
        lines.append(f"  {label:<52} {spread(values):>24}x  (goal <= {goal}x)")
    if "python -c pass" in samples:
        lines += ["", f"the CLI, wall time (median of {cli_runs} runs a round):"]
        for name in cli_commands():
            lines.append(f"  {name:<52} {spread(samples[name]['wall ms']):>24} ms")
        paired("llmcost / python -c pass", "llmcost train 175B 500B", "python -c pass", "wall ms", None)
        paired("llmcost / import pydantic", "llmcost train 175B 500B", "python -c 'import pydantic'", "wall ms", None)
        cli = statistics.median(samples["llmcost train 175B 500B"]["wall ms"])
        lines.append(f"  llmcost train 175B 500B: {cli:.0f} ms, goal <= 150 ms: {'met' if cli <= 150 else 'NOT met'}")
    return "\n".join(lines)


async def measure_servers(
    every: list[Server], rounds: int, requests: dict[int, int], samples: Samples, progress: Callable[[str], None]
) -> None:
    fake = FakeSlack()
    await fake.start()
    try:
        with tempfile.TemporaryDirectory(prefix="llmcost-bench-") as directory:
            workdir = Path(directory)
            for bot in every:
                if bot.is_bot and not bot.new_database:
                    await migrated(bot, fake.api_url, workdir / f"{bot.name}.db")
            for round_index in range(rounds):
                await server_round(every, round_index, fake.api_url, workdir, requests, samples)
                progress(f"round {round_index + 1}/{rounds} done")
    finally:
        await fake.stop()


def compile_checkouts(roots: Iterable[Path]) -> None:
    """Bytecode compiled first: an installed package has it from pip, while an editable checkout (and a machine that
    sets PYTHONDONTWRITEBYTECODE) would compile llmcost's modules at every start, which the bare app never does."""
    for root in roots:
        for package in ("bot", "calc", "bench"):
            compileall.compile_dir(root / package, quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=7, help="paired rounds (at least 5 for a quartile)")
    parser.add_argument("--c1", type=int, default=REQUESTS[1], help="commands per round at concurrency 1")
    parser.add_argument("--c8", type=int, default=REQUESTS[8], help="commands per round at concurrency 8")
    parser.add_argument("--cli-runs", type=int, default=3, help="runs of each CLI command a round")
    parser.add_argument("--no-cli", action="store_true", help="skip the CLI timing")
    parser.add_argument("--json", type=Path, help="also write every per-round value to this file")
    parser.add_argument(
        "--compare",
        action="append",
        default=[],
        metavar="NAME=DIR",
        help="also run the bot of another checkout (e.g. before a change), paired with this one",
    )
    arguments = parser.parse_args()
    others = {name: Path(root) for name, root in (pair.split("=", 1) for pair in arguments.compare)}
    every = servers(others)
    compile_checkouts({ROOT, *others.values()})
    requests = {1: arguments.c1, 8: arguments.c8}
    samples: Samples = {}

    def progress(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    asyncio.run(measure_servers(every, arguments.rounds, requests, samples, progress))
    if not arguments.no_cli:
        for round_index in range(arguments.rounds):
            cli_round(round_index, arguments.cli_runs, samples)
        progress("CLI done")
    if arguments.json:
        arguments.json.write_text(json.dumps(samples, indent=1))
    print(report(every, samples, arguments.rounds, requests, arguments.cli_runs))


if __name__ == "__main__":
    main()
