"""What bot.team and the Slack listeners may rely on from the store, and nothing more: two small protocols and the one
outcome that is not an answer. Two implementations keep to it, and bot.store.serving chooses: stdlib sqlite3 on a
SQLite file (bot.store.sqlite_serving), SQLAlchemy otherwise (bot.store.team_settings, bot.store.handled_events).

The promise, for every method:
- it answers, or raises `StoreUnavailable` (and no other database error) when the database cannot be used this
  time: PostgreSQL down, refusing or unreachable, a SQLite file locked past its busy timeout, unreadable, or on a
  full disk;
- on the request path (as bot.slack.app builds the stores) it answers or raises within `STORE_WAIT_S`, so that a
  reply still leaves inside Slack's 3 seconds;
- a write that raises has written nothing: each is one statement in one transaction, rolled back when it fails.

The callers decide what unavailable means for a person (bot.team.commands: an estimate at the catalog's defaults with a
line saying so, a change refused; bot.store.claims.ClaimedHere: events deduplicated in memory meanwhile).
"""

from collections.abc import Sequence
from typing import Protocol

from bot.team.records import Setting, Team

# A database operation gives up after this long. Slack waits 3 s for a slash command's answer, and a users.info
# call may take 1.5 s of it before the reply goes without it (bot.slack.people.WAIT_S): 1.5 + 1.0 leaves half a
# second for the rest. A healthy database answers these one-row statements in milliseconds.
STORE_WAIT_S = 1.0


class StoreUnavailable(Exception):
    """The database could not be used this time; `cause` says why, fit for a log line (never the URL's password)."""

    def __init__(self, cause: str) -> None:
        super().__init__(cause)
        self.cause = cause


class SettingsStore(Protocol):
    """A workspace's defaults, as text per key (`gpu`, `currency`, `rate`, `mfu`, `price:<gpu id>`)."""

    async def get_all(self, team: Team) -> Sequence[Setting]:
        """Every setting of `team`, ordered by key."""
        ...

    async def set(self, team: Team, key: str, value: str, user: str) -> Setting:
        """Insert or overwrite one key, stamped with `user` and the time; the setting as saved."""
        ...

    async def reset(self, team: Team, key: str | None = None) -> int:
        """Remove one key, or every key when `key` is None; how many were removed."""
        ...


class EventClaims(Protocol):
    """Events API deliveries answered: Slack retries an event it thinks was missed, maybe on another process."""

    async def claim(self, event_id: str) -> bool:
        """True for the first claim of `event_id`: that claimer answers; False for every later one."""
        ...
