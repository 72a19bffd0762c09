"""Multi-workspace installs (OAuth) while the database is away: slack_sdk's installation store on the app's database,
with the installation last found for each workspace kept in this process, so that a workspace this process has
answered before is answered still (its estimates at the catalog's defaults, saying so) rather than apologised to.

A workspace this process has not seen while the database is away cannot be answered: its token is in the database.
Then StoreUnavailable goes up to Bolt, and the person gets the app's apology.
"""

import copy
from collections.abc import Awaitable, Callable
from logging import Logger
from typing import TypeVar

from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.oauth.installation_store.models.bot import Bot
from slack_sdk.oauth.installation_store.models.installation import Installation

from bot.store.availability import Availability
from bot.store.interface import StoreUnavailable

Found = TypeVar("Found", Bot, Installation)
Key = tuple[str, str | None, str | None, str | None, bool | None]


class RememberedInstallations(AsyncInstallationStore):
    def __init__(self, stored: AsyncInstallationStore, availability: Availability) -> None:
        self._stored = stored
        self._availability = availability
        self._found: dict[Key, Bot | Installation | None] = {}

    @property
    def logger(self) -> Logger:
        return self._stored.logger

    async def async_save(self, installation: Installation) -> None:
        await self._availability.run(lambda: self._stored.async_save(installation))

    async def async_save_bot(self, bot: Bot) -> None:
        await self._availability.run(lambda: self._stored.async_save_bot(bot))

    async def async_find_bot(
        self, *, enterprise_id: str | None, team_id: str | None, is_enterprise_install: bool | None = False
    ) -> Bot | None:
        key: Key = ("bot", enterprise_id, team_id, None, is_enterprise_install)
        return await self._remembered(
            key,
            lambda: self._stored.async_find_bot(
                enterprise_id=enterprise_id, team_id=team_id, is_enterprise_install=is_enterprise_install
            ),
        )

    async def async_find_installation(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None = None,
        is_enterprise_install: bool | None = False,
    ) -> Installation | None:
        key: Key = ("installation", enterprise_id, team_id, user_id, is_enterprise_install)
        return await self._remembered(
            key,
            lambda: self._stored.async_find_installation(
                enterprise_id=enterprise_id,
                team_id=team_id,
                user_id=user_id,
                is_enterprise_install=is_enterprise_install,
            ),
        )

    async def async_delete_bot(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        self._forget(enterprise_id, team_id)
        await self._stored.async_delete_bot(enterprise_id=enterprise_id, team_id=team_id)

    async def async_delete_installation(
        self, *, enterprise_id: str | None, team_id: str | None, user_id: str | None = None
    ) -> None:
        self._forget(enterprise_id, team_id)
        await self._stored.async_delete_installation(enterprise_id=enterprise_id, team_id=team_id, user_id=user_id)

    async def async_delete_all(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        self._forget(enterprise_id, team_id)
        await self._stored.async_delete_all(enterprise_id=enterprise_id, team_id=team_id)

    async def _remembered(self, key: Key, find: Callable[[], Awaitable[Found | None]]) -> Found | None:
        try:
            found = await self._availability.run(find)
        except StoreUnavailable:
            if key not in self._found:
                raise
            found = self._found[key]  # type: ignore[assignment]  # stored under its own kind's key
        else:
            self._found[key] = found
        # A copy: Bolt blanks the user token of what it is handed when another person asks.
        return copy.copy(found)

    def _forget(self, enterprise_id: str | None, team_id: str | None) -> None:
        for key in [key for key in self._found if key[1:3] == (enterprise_id, team_id)]:
            del self._found[key]
