"""`python -m bot` as a child process, started as a PaaS starts it: its environment, a free port, waiting until
it serves, and stopping it with SIGTERM."""

import asyncio
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import aiohttp

from tests.support.signing import BOT_TOKEN, SIGNING_SECRET

ROOT = Path(__file__).resolve().parents[2]
STOP_TIMEOUT_S = 20


def environment(**variables: str) -> dict[str, str]:
    """The test's environment (SLACK_* already cleared by the autouse fixture) plus these variables."""
    return {**os.environ, "PYTHONPATH": str(ROOT), **variables}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_bot(cwd: Path, **variables: str) -> subprocess.CompletedProcess[str]:
    """`python -m bot` to its end (start-up refusals)."""
    return subprocess.run(
        [sys.executable, "-m", "bot"], cwd=cwd, env=environment(**variables), capture_output=True, text=True, timeout=60
    )


def http_variables(api_url: str, port: int) -> dict[str, str]:
    """What HTTP mode with one bot token needs, against the fake Web API at `api_url`."""
    return {
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": api_url,
        "PORT": str(port),
    }


async def spawn_bot(cwd: Path, **variables: str) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", cwd=cwd, env=environment(**variables), stderr=asyncio.subprocess.PIPE
    )


async def wait_until_serving(url: str, process: asyncio.subprocess.Process, seconds: float = 20) -> None:
    """Until `GET /healthz` answers 200: the interpreter started, migrated and bound its port."""
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=2)) as session:
        for _ in range(int(seconds / 0.05)):
            try:
                async with session.get(f"{url}/healthz") as response:
                    if response.status == 200:
                        return
            except aiohttp.ClientConnectionError:
                assert process.returncode is None, "python -m bot exited"
                await asyncio.sleep(0.05)
    raise AssertionError("python -m bot never served /healthz")


async def stop(process: asyncio.subprocess.Process, seconds: float = STOP_TIMEOUT_S) -> bytes:
    """SIGTERM, as a PaaS restart sends it; what the process wrote to stderr."""
    process.send_signal(signal.SIGTERM)
    _, stderr = await asyncio.wait_for(process.communicate(), timeout=seconds)
    return stderr
