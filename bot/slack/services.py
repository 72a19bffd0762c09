"""What the listeners need beyond Bolt's own arguments, built once per app and handed to each request's context."""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from slack_bolt.async_app import AsyncBoltContext
from slack_bolt.response import BoltResponse

from bot.slack.people import People
from bot.store.interface import EventClaims, SettingsStore

_CONTEXT_KEY = "llmcost_services"


@dataclass(frozen=True)
class Services:
    store: SettingsStore
    people: People
    handled_events: EventClaims
    admins: tuple[str, ...] = ()  # LLMCOST_ADMINS: may change any workspace's defaults, besides its admins


def provide(services: Services) -> Callable[..., Awaitable[BoltResponse | None]]:
    """A global Bolt middleware putting `services` in every request's context, so a listener's signature stays
    Bolt's own and a listener module needs no wiring to reach them."""

    async def put_in_context(context: AsyncBoltContext, next: Callable[[], Awaitable[BoltResponse]]) -> BoltResponse:
        context[_CONTEXT_KEY] = services
        return await next()

    return put_in_context


def services_of(context: AsyncBoltContext) -> Services:
    services = context.get(_CONTEXT_KEY)
    if not isinstance(services, Services):
        raise LookupError("no Services in the Bolt context: create_app installs them")
    return services
