"""Benchmark `python -m bot` against a bare Bolt app that only acks: start-up, latency, throughput, memory.

Run by hand from the repository root (not part of the test suite):

    python -m bench.run [--requests 2000] [--starts 9]

The servers run as subprocesses with the same environment, against the tests' local fake of Slack's Web API,
and get the same signed slash commands (each with its own trigger_id, as Slack sends them) at concurrency 1,
16 and 64. Everything goes to 127.0.0.1. Besides the bare app, a third server, `stack`, is the bare app with
llmcost's other libraries imported: it splits the bot's start-up and memory into theirs and llmcost's own.
"""

import argparse
import asyncio
import compileall
import json
import os
import signal
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

from tests.support.fake_slack import FakeSlack
from tests.support.processes import free_port, http_variables
from tests.support.signing import command_body, signed_headers

ROOT = Path(__file__).resolve().parents[1]
BARE = [sys.executable, str(ROOT / "bench" / "bare_bolt.py")]
# `stack`: the bare app with llmcost's other libraries imported and unused (bench/bare_bolt.py).
SERVERS = {"bot": [sys.executable, "-m", "bot"], "bare": BARE, "stack": [*BARE, "--with-stack"]}
CONCURRENCIES = (1, 16, 64)
# What people ask: an estimate of each kind, a comparison, a listing, an error.
TEXTS = (
    "train 175B 500B",
    "infer 70B batch=32 gpu=H100",
    "compare train 7B gpu=A100,H100",
    "gpus",
    "train 7B gpu=H1OO",
)
SLACK_DEADLINE_S = 3.0


@dataclass
class Level:
    concurrency: int
    latencies_s: list[float] = field(default_factory=list)
    errors: int = 0
    elapsed_s: float = 0.0
    cpu_s: float = 0.0  # the server's own CPU time (user + system) during the level

    @property
    def cpu_ms_per_request(self) -> float:
        # Steadier than latency on a shared machine: what each command costs the server, however long it waited.
        return self.cpu_s / len(self.latencies_s) * 1000

    def percentile_ms(self, share: float) -> float:
        ordered = sorted(self.latencies_s)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000

    @property
    def throughput(self) -> float:
        return len(self.latencies_s) / self.elapsed_s


@dataclass
class Result:
    name: str
    start_s: list[float] = field(default_factory=list)
    rss_kib: int = 0
    levels: list[Level] = field(default_factory=list)

    @property
    def start_ms(self) -> float:
        return statistics.median(self.start_s) * 1000


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of the process so far (fields 14 and 15 of /proc/<pid>/stat, in clock ticks)."""
    after_name = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(after_name[11]) + int(after_name[12])) / os.sysconf("SC_CLK_TCK")


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for {pid}")


async def start(command: Sequence[str], env: dict[str, str], url: str) -> tuple[asyncio.subprocess.Process, float]:
    """The server process and the seconds from spawn to its first 200 on GET /healthz."""
    began = time.perf_counter()
    process = await asyncio.create_subprocess_exec(
        *command, cwd=ROOT, env=env, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL
    )
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=2)) as session:
        for _ in range(3000):  # at most 30 s
            try:
                async with session.get(f"{url}/healthz") as response:
                    if response.status == 200:
                        return process, time.perf_counter() - began
            except aiohttp.ClientConnectionError:
                pass
            await asyncio.sleep(0.005)
    process.kill()
    raise RuntimeError(f"{command} never served /healthz")


async def stop(process: asyncio.subprocess.Process) -> None:
    process.send_signal(signal.SIGTERM)
    await asyncio.wait_for(process.wait(), timeout=30)


async def one_command(session: aiohttp.ClientSession, url: str, text: str, level: Level) -> None:
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
    level.latencies_s.append(elapsed)
    # The bare app's ack is empty; the bot's must be a message with text.
    if not ok or elapsed > SLACK_DEADLINE_S or (answer and not json.loads(answer).get("text")):
        level.errors += 1


async def load(url: str, concurrency: int, requests: int) -> Level:
    level = Level(concurrency)
    gate = asyncio.Semaphore(concurrency)
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=30)) as session:

        async def gated(index: int) -> None:
            async with gate:
                await one_command(session, url, TEXTS[index % len(TEXTS)], level)

        began = time.perf_counter()
        await asyncio.gather(*(gated(index) for index in range(requests)))
        level.elapsed_s = time.perf_counter() - began
    return level


def server_environment(api_url: str, port: int) -> dict[str, str]:
    """This shell's environment without its SLACK_* variables, plus what the tests give `python -m bot`."""
    own = {key: value for key, value in os.environ.items() if not key.startswith("SLACK_")}
    return {**own, "PYTHONPATH": str(ROOT), **http_variables(api_url, port)}


async def time_start_up(result: Result, api_url: str) -> None:
    port = free_port()
    process, seconds = await start(SERVERS[result.name], server_environment(api_url, port), f"http://127.0.0.1:{port}")
    result.start_s.append(seconds)
    await stop(process)


async def measure_loads(results: list[Result], api_url: str, requests: int) -> None:
    """Latency, throughput and each server's CPU at each concurrency, then its resident memory.

    All the servers run at once, idle but for the one under load, and take each level in turns.
    """
    urls: list[str] = []
    processes: list[asyncio.subprocess.Process] = []
    try:
        for result in results:
            port = free_port()
            urls.append(f"http://127.0.0.1:{port}")
            process, _ = await start(SERVERS[result.name], server_environment(api_url, port), urls[-1])
            processes.append(process)
            await load(urls[-1], 8, 100)  # warm-up: Bolt's first request calls auth.test
        for concurrency in CONCURRENCIES:
            for result, url, process in zip(results, urls, processes, strict=True):
                before = cpu_seconds(process.pid)
                level = await load(url, concurrency, requests)
                level.cpu_s = cpu_seconds(process.pid) - before
                result.levels.append(level)
        for result, process in zip(results, processes, strict=True):
            result.rss_kib = rss_kib(process.pid)
    finally:
        for process in processes:
            await stop(process)


def report(bot: Result, bare: Result, stack: Result, requests: int) -> str:
    lines = [
        f"{requests} signed /llmcost commands per level; start-up = spawn to first 200 on GET /healthz "
        f"(median of {len(bot.start_s)}); RSS after the load",
        "",
        f"{'server':<6} {'conc':>4} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'req/s':>8} {'errors':>6} {'CPU ms/req':>10}",
    ]
    for result in (bot, bare, stack):
        for level in result.levels:
            lines.append(
                f"{result.name:<6} {level.concurrency:>4} {level.percentile_ms(0.5):>8.2f} "
                f"{level.percentile_ms(0.99):>8.2f} {max(level.latencies_s) * 1000:>8.2f} "
                f"{level.throughput:>8.0f} {level.errors:>6} {level.cpu_ms_per_request:>10.2f}"
            )
    lines += ["", f"{'server':<6} {'start-up ms':>12} {'RSS MiB':>8}"]
    for result in (bot, bare, stack):
        lines.append(f"{result.name:<6} {result.start_ms:>12.0f} {result.rss_kib / 1024:>8.1f}")
    lines += ["", "ratios bot / bare (target):"]
    for ours, theirs in zip(bot.levels, bare.levels, strict=True):
        p99 = ours.percentile_ms(0.99) / theirs.percentile_ms(0.99)
        cpu = ours.cpu_ms_per_request / theirs.cpu_ms_per_request
        lines.append(f"  p99 at concurrency {ours.concurrency:<3} {p99:5.2f}x  (<= 1.3x); CPU per command {cpu:5.2f}x")
    lines.append(f"  start-up                {bot.start_ms / bare.start_ms:5.2f}x  (<= 1.3x)")
    lines.append(f"  memory                  {bot.rss_kib / bare.rss_kib:5.2f}x  (<= 1.5x)")
    errors = sum(level.errors for level in bot.levels)
    slowest = max(max(level.latencies_s) for level in bot.levels) * 1000
    lines.append(f"  bot errors {errors} (0), slowest reply {slowest:.0f} ms (< {SLACK_DEADLINE_S * 1000:.0f})")
    lines += ["", "where start-up and memory go:"]
    for label, ours, theirs in (
        ("the libraries alone (stack / bare)", stack, bare),
        ("llmcost's code (bot / stack)", bot, stack),
    ):
        lines.append(
            f"  {label:<35} start-up {ours.start_ms / theirs.start_ms:5.2f}x, memory {ours.rss_kib / theirs.rss_kib:5.2f}x"
        )
    return "\n".join(lines)


async def main(requests: int, starts: int) -> None:
    # An installed package has its bytecode compiled by pip; an editable checkout (and a machine that sets
    # PYTHONDONTWRITEBYTECODE) would compile llmcost's modules at every start, which the bare app never does.
    for package in ("bot", "calc"):
        compileall.compile_dir(ROOT / package, quiet=1)
    results = {name: Result(name) for name in SERVERS}
    fake = FakeSlack()
    await fake.start()
    try:
        # Start-ups taken in turns, one of each server a round: the machine's drift falls on all of them alike.
        for _ in range(starts):
            for result in results.values():
                await time_start_up(result, fake.api_url)
        await measure_loads(list(results.values()), fake.api_url, requests)
    finally:
        await fake.stop()
    print(report(results["bot"], results["bare"], results["stack"], requests))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=2000, help="commands per concurrency level")
    parser.add_argument("--starts", type=int, default=9, help="start-ups timed per server (median)")
    arguments = parser.parse_args()
    asyncio.run(main(arguments.requests, arguments.starts))
