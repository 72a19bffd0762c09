"""Who is asking: a person's language (from their Slack locale) and whether they administer the workspace.

Both come from one users.info call (include_locale), cached per person for a while: a reply never waits on
Slack twice for the same person, and someone promoted to admin is seen within the TTL. When users.info fails
(no users:read scope yet, Slack down, a user of another organisation) the person reads English and is no admin.
"""

import asyncio
import logging
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

import aiohttp
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web.async_client import AsyncWebClient

from bot.wording.i18n import DEFAULT_LANG

TTL_S = 600.0
# After a failure, ask again sooner: the scope may have been granted, Slack may be back.
RETRY_AFTER_S = 60.0
# A slash command is answered inside Slack's 3 s: a slow users.info must not take that away. The call goes on
# in the background and its answer is cached for the next request.
WAIT_S = 1.5
SIZE = 10_000

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Person:
    lang: str = DEFAULT_LANG
    is_admin: bool = False


UNKNOWN = Person()


def person_of(user: dict[str, object]) -> Person:
    """users.info's `user`: Chinese for any zh-* locale; admins, owners and the primary owner administer."""
    locale = str(user.get("locale") or "")
    admin = any(bool(user.get(flag)) for flag in ("is_admin", "is_owner", "is_primary_owner"))
    return Person(lang="zh" if locale.lower().startswith("zh") else DEFAULT_LANG, is_admin=admin)


class People:
    """A bounded cache of people by workspace and user id: one users.info call per person per TTL, shared by
    concurrent requests (the cache holds the call itself, not only its answer)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._calls: OrderedDict[tuple[str, str], tuple[float, asyncio.Task[Person | None]]] = OrderedDict()

    def known(self, team_id: str, user_id: str) -> Person | None:
        """The person at once if their lookup is done and fresh (nearly always: they asked before); None when
        `look_up` would have to wait for Slack."""
        call = self._fresh((team_id, user_id))
        if call is None or not call.done():
            return None
        found = call.result()
        return UNKNOWN if found is None else found

    async def look_up(self, client: AsyncWebClient, team_id: str, user_id: str) -> Person:
        """`client` carries the token of the workspace asking (one per installation in multi-workspace mode). Callers
        try `known` first, which answers a finished lookup without waiting."""
        key = (team_id, user_id)
        call = self._fresh(key)
        if call is None:
            call = asyncio.create_task(self._users_info(client, user_id))
            self._calls[key] = (self._clock(), call)
            if len(self._calls) > SIZE:
                self._calls.popitem(last=False)
        try:
            # Shielded: a request that stops waiting leaves the call running for the next one.
            found = await asyncio.wait_for(asyncio.shield(call), WAIT_S)
        except TimeoutError:
            log.warning("users.info for %s took over %.1f s: answering as %s", user_id, WAIT_S, UNKNOWN)
            return UNKNOWN
        return UNKNOWN if found is None else found

    def _fresh(self, key: tuple[str, str]) -> "asyncio.Task[Person | None] | None":
        entry = self._calls.get(key)
        if entry is None:
            return None
        started, call = entry
        failed = call.done() and call.result() is None
        if self._clock() - started < (RETRY_AFTER_S if failed else TTL_S):
            return call
        del self._calls[key]
        return None

    @staticmethod
    async def _users_info(client: AsyncWebClient, user_id: str) -> Person | None:
        try:
            response = await client.users_info(user=user_id, include_locale=True)
        except SlackApiError as error:  # Slack's error code, or the HTTP status: never the request, which has the token
            data = error.response.data
            code = data.get("error") if isinstance(data, dict) else f"HTTP {error.response.status_code}"
            log.warning("users.info for %s failed: %s", user_id, code)
            return None
        except (SlackClientError, aiohttp.ClientError, TimeoutError) as error:
            log.warning("users.info for %s failed: %s", user_id, type(error).__name__)
            return None
        return person_of(response["user"])
