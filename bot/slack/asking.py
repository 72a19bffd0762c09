"""Every Slack listener answers a person's words through this one function: the same path for a slash command,
a button press, a menu choice and a mention, so what applies to one (team defaults, the reader's language)
applies to all. Bolt's listeners ask with Bolt's context; HTTP mode's command route (bot.web.commands) asks
without Bolt, with the same ids read from the command Slack signed."""

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from slack_bolt.async_app import AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot.answer import Answer
from bot.slack.services import Services, services_of
from bot.store.interface import SettingsStore
from bot.team.commands import Asker, reply_with_defaults
from bot.team.records import Setting, Team
from bot.wording.i18n import DEFAULT_LANG


@dataclass(frozen=True)
class Asking:
    """Who asks and what answers them: the workspace and the person Slack signed into the request, the Web API
    client with that workspace's token, and the app's services."""

    team: Team
    user_id: str | None
    client: AsyncWebClient
    services: Services


def asking_of(context: AsyncBoltContext) -> Asking:
    """Bolt's context of a request, as the one thing `ask` needs."""
    # Keyed by the ids Slack signed into the request: nothing typed can name another workspace.
    team = Team(team_id=context.team_id or "", enterprise_id=context.enterprise_id or "")
    return Asking(team, context.user_id, context.client, services_of(context))


async def ask(words: str, context: AsyncBoltContext, free_text: bool = True) -> Answer:
    """The answer to `words`, for the workspace and the person of the request (Bolt's `context`)."""
    return await answer_for(words, asking_of(context), free_text)


class ReadAhead:
    """The store, with `team`'s settings already being read: begun before the wait for a person's users.info, so
    that when Slack and the database are both slow the reply waits for the longer of the two, not for one after
    the other (1.5 s + 1 s would leave half a second of Slack's 3 s for everything else)."""

    def __init__(self, store: SettingsStore, team: Team) -> None:
        self._store, self._team = store, team
        self._read = asyncio.ensure_future(store.get_all(team))
        # A listing or help never asks for the settings: its read's failure must not be reported as never retrieved.
        self._read.add_done_callback(lambda read: read.cancelled() or read.exception())

    async def get_all(self, team: Team) -> Sequence[Setting]:
        return await (self._read if team == self._team else self._store.get_all(team))

    async def set(self, team: Team, key: str, value: str, user: str) -> Setting:
        return await self._store.set(team, key, value, user)

    async def reset(self, team: Team, key: str | None = None) -> int:
        return await self._store.reset(team, key)


async def answer_for(words: str, asking: Asking, free_text: bool = True) -> Answer:
    """The answer to `words` for `asking`: that workspace's defaults, that person's language, and team commands
    checked against that person's rights. `free_text` off: the words are a command to take as it is (the form's),
    not a question to read."""
    services, team, user = asking.services, asking.team, asking.user_id
    if user is None:  # no person to answer for (never so for a command, a button press or a mention)
        return await reply_with_defaults(words, date.today(), DEFAULT_LANG, team, services.store, free_text=free_text)
    store: SettingsStore = services.store
    person = services.people.known(team.team_id, user)
    if person is None:  # someone not seen for a while: users.info, up to bot.slack.people.WAIT_S
        store = ReadAhead(store, team)
        person = await services.people.look_up(asking.client, team.team_id, user)
    is_admin_in_slack = person.is_admin

    async def is_admin() -> bool:
        return is_admin_in_slack or user in services.admins

    asker = Asker(user=user, is_admin=is_admin, admins=services.admins)
    return await reply_with_defaults(words, date.today(), person.lang, team, store, asker, free_text)
