"""A throwaway PostgreSQL server for the tests: a fresh cluster in a temporary directory, on 127.0.0.1 only.

PostgreSQL refuses to run as root, so under root the server runs as the `postgres` OS user. CI uses the same code:

    python -m tests.support.throwaway_postgres start DIR    prints the URL of a database on a new server
    python -m tests.support.throwaway_postgres stop DIR
"""

import glob
import os
import pwd
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from tests.support.processes import free_port

DATABASE = "llmcost"


def find_binaries() -> Path | None:
    """Debian keeps the server programs off PATH, in /usr/lib/postgresql/<major>/bin; the newest wins."""
    debian = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda path: int(Path(path).parts[-3]))
    found = debian[-1] if debian else shutil.which("pg_ctl")
    return Path(found).parent if found else None


def _as_server_user() -> list[str]:
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


def _run(*command: object) -> None:
    done = subprocess.run([*_as_server_user(), *map(str, command)], capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, command))} failed:\n{done.stdout}{done.stderr}")


def start(directory: Path, binaries: Path) -> str:
    """initdb into `directory`, start the server, create a database; its URL (trust auth, so no password)."""
    directory.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        server_user = pwd.getpwnam("postgres")
        os.chown(directory, server_user.pw_uid, server_user.pw_gid)
    data = directory / "data"
    _run(binaries / "initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync")
    port = free_port()
    # Kept in the cluster's own configuration, so that `resume` starts it again as it was.
    # fsync off: a test cluster need not survive a power cut, and it makes each test database quick to create.
    with (data / "postgresql.conf").open("a") as configuration:
        configuration.write(
            f"listen_addresses = '127.0.0.1'\nport = {port}\nunix_socket_directories = '{directory}'\nfsync = off\n"
        )
    resume(directory, binaries)
    _run(binaries / "createdb", "-h", "127.0.0.1", "-p", port, "-U", "postgres", DATABASE)
    return f"postgresql://postgres@127.0.0.1:{port}/{DATABASE}"


def resume(directory: Path, binaries: Path) -> None:
    """Start the server `start` created in `directory` (again, after `stop`): same port, same databases."""
    _run(binaries / "pg_ctl", "-D", directory / "data", "-l", directory / "server.log", "-w", "start")


def stop(directory: Path, binaries: Path) -> None:
    _run(binaries / "pg_ctl", "-D", directory / "data", "-m", "fast", "-w", "stop")


class StoppablePostgres:
    """A PostgreSQL server of the tests' own (never the one LLMCOST_TEST_POSTGRES_URL names), which a test stops and
    starts again mid-run, or freezes: a frozen server accepts connections and answers nothing, as an unreachable
    host or a hung server does."""

    def __init__(self, directory: Path, binaries: Path, url: str) -> None:
        self.directory = directory
        self.binaries = binaries
        self.url = url
        self.database_url = url  # a test's own database on it (the stoppable_postgres fixture)
        self.running = True
        self.frozen = False

    def stop(self) -> None:
        stop(self.directory, self.binaries)
        self.running = False

    def start(self) -> None:
        resume(self.directory, self.binaries)
        self.running = True

    def freeze(self) -> None:
        self._signal_all(signal.SIGSTOP)
        self.frozen = True

    def thaw(self) -> None:
        self._signal_all(signal.SIGCONT)
        self.frozen = False

    def _signal_all(self, sent: signal.Signals) -> None:
        """The postmaster and every backend it forked."""
        postmaster = int((self.directory / "data" / "postmaster.pid").read_text().split()[0])
        children = [
            int(stat.parent.name) for stat in Path("/proc").glob("[0-9]*/stat") if _parent_of(stat) == postmaster
        ]
        for pid in [postmaster, *children]:
            os.kill(pid, sent)


def _parent_of(stat: Path) -> int | None:
    try:  # "pid (command) state ppid ...": the command may hold spaces, so read after its closing parenthesis
        return int(stat.read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return None


def main(argv: list[str]) -> None:
    action, directory = argv
    binaries = find_binaries()
    if binaries is None:
        sys.exit("no PostgreSQL server programs (pg_ctl) found")
    if action == "start":
        print(start(Path(directory), binaries))
    else:
        stop(Path(directory), binaries)


if __name__ == "__main__":
    main(sys.argv[1:])
