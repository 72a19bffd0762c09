"""What the listeners need beyond Bolt's own arguments, built once per app and handed to each request's context."""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from slack_bolt.async_app import AsyncBoltContext
from slack_bolt.middleware.async_middleware import AsyncMiddleware
from slack_bolt.request.async_request import AsyncBoltRequest
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


class ProvideServices(AsyncMiddleware):
    """A global Bolt middleware putting the services in every request's context, so a listener's signature stays
    Bolt's own and a listener module needs no wiring to reach them.

    A subclass rather than a function: Bolt injects a function middleware's arguments by name on every request,
    4% of a command's CPU time in a CPU-time profile, for one assignment.
    """

    def __init__(self, services: Services) -> None:
        self._services = services

    async def async_process(
        self, *, req: AsyncBoltRequest, resp: BoltResponse, next: Callable[[], Awaitable[BoltResponse]]
    ) -> BoltResponse:
        req.context[_CONTEXT_KEY] = self._services
        return await next()


def services_of(context: AsyncBoltContext) -> Services:
    services = context.get(_CONTEXT_KEY)
    if not isinstance(services, Services):
        raise LookupError("no Services in the Bolt context: create_app installs them")
    return services
