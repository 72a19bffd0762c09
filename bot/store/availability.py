"""Whether the database answers, as this process last saw it: every database operation of the stores runs through
`Availability.run`, which turns any failure into StoreUnavailable, gives up after `wait_s` (the request path's
STORE_WAIT_S; bot.store.serving) and says each change in the log once.

The log: the first failure once, as a warning with its cause (the driver's own words, with the URL shown without
its password); the failures after it are counted, not logged; recovery once, with how long it lasted and how many
operations failed meanwhile. Recovery needs nothing but the next operation that succeeds: a pool's stale
connection is pinged and replaced (bot.store.database), so the first request after the database is back reads it.
"""

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from bot.store.interface import StoreUnavailable

log = logging.getLogger(__name__)
Answer = TypeVar("Answer")


@dataclass(frozen=True)
class Outage:
    """The database is unavailable since `since` (this process's monotonic clock), `failures` operations so far."""

    since: float
    failures: int


class Availability:
    """One database's availability for this process, shared by every store on it. Without `wait_s` an operation
    waits as long as its engine lets it (a migration's engine, a test's); the request path's engine and this deadline
    both come from STORE_WAIT_S.

    `shown` names the database in the log (never with its password: `password` is masked wherever a driver echoes
    it); `errors` are what the database's driver raises when it cannot be used. A socket's errors (refused, reset,
    unknown host) and a deadline's (asyncio.TimeoutError is TimeoutError) are OSErrors, always counted in.
    """

    def __init__(
        self,
        shown: str,
        errors: tuple[type[Exception], ...],
        password: str | None = None,
        wait_s: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._shown = shown
        self._unavailable: tuple[type[Exception], ...] = (*errors, OSError)
        self._password = password
        self._wait_s = wait_s
        self._clock = clock
        self._outage: Outage | None = None

    async def run(self, operation: Callable[[], Awaitable[Answer]]) -> Answer:
        """`operation()`'s answer; StoreUnavailable when it fails, or has not answered within `wait_s`.

        The deadline is kept exactly: an operation cut off is cancelled and left to finish in the background.
        Waiting for it, as `asyncio.timeout` does, would add its clean-up (closing a connection to a server that
        answers nothing waits in turn) to the reply's time.
        """
        task = asyncio.ensure_future(operation())
        try:
            done, _ = await asyncio.wait({task}, timeout=self._wait_s)
        except asyncio.CancelledError:  # the request itself was stopped: so is its operation
            task.cancel()
            raise
        if not done:
            task.cancel()
            task.add_done_callback(_forget)
            raise StoreUnavailable(self._failed(TimeoutError()))
        try:
            answer = task.result()
        except self._unavailable as error:
            raise StoreUnavailable(self._failed(error)) from error
        self._succeeded()
        return answer

    def _failed(self, error: BaseException) -> str:
        cause = self.cause_of(error)
        if self._outage is None:
            self._outage = Outage(since=self._clock(), failures=1)
            log.warning(
                "database %s unavailable: %s; estimates use the catalog's defaults meanwhile", self._shown, cause
            )
        else:
            self._outage = Outage(since=self._outage.since, failures=self._outage.failures + 1)
        return cause

    def _succeeded(self) -> None:
        if self._outage is not None:
            lasted = self._clock() - self._outage.since
            log.warning(
                "database %s available again after %.1f s; %d operations failed meanwhile",
                self._shown,
                lasted,
                self._outage.failures,
            )
            self._outage = None

    def cause_of(self, error: BaseException) -> str:
        """The error in one line: the driver's own exception when SQLAlchemy wrapped it as `orig` (SQLAlchemy's text
        adds the statement and its parameters), its first line, and never the password (a driver may echo its DSN)."""
        if isinstance(error, TimeoutError) and not str(error):
            return "no answer in time" if self._wait_s is None else f"no answer within {self._wait_s:g} s"
        wrapped = getattr(error, "orig", None)
        inner = wrapped if isinstance(wrapped, BaseException) else error
        lines = str(inner).strip().splitlines()
        cause = f"{type(inner).__name__}: {lines[0]}" if lines else type(inner).__name__
        return cause.replace(self._password, "***") if self._password else cause


async def answers(operation: Awaitable[object]) -> bool:
    """Whether a store's operation answered, for a readiness probe: False when it raised StoreUnavailable, which its
    Availability logged already."""
    try:
        await operation
    except StoreUnavailable:
        return False
    return True


def _forget(task: "asyncio.Task[Any]") -> None:
    """An operation given up on ends as it ends; its outcome was reported already (asyncio would warn of an exception
    never retrieved)."""
    if not task.cancelled():
        task.exception()
