"""The HTTP server: Bolt's request handler (`POST /slack/events`) plus `GET /healthz`, on $PORT.

Around Bolt: a log line per request, oversized bodies and exact replays refused, and a graceful stop on SIGTERM.
"""

import asyncio
import logging
from collections.abc import Awaitable, Callable
from urllib.parse import parse_qsl

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.request.async_internals import build_async_context
from slack_bolt.request.async_request import AsyncBoltRequest

from bot.web.access_log import access_log
from bot.web.guards import MAX_BODY, RecentSignatures, refuse_oversized, refuse_replays

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
# A PaaS sends SIGTERM, then SIGKILL 30 s later: requests in flight get SHUTDOWN_S, Bolt's work after its
# acknowledgement (a mention's reply) BACKGROUND_S, both well inside the grace period.
SHUTDOWN_S = 15.0
BACKGROUND_S = 10.0
# The coroutine aiohttp runs for each connection (aiohttp.web_protocol).
CONNECTION_TASK = "RequestHandler.start"

log = logging.getLogger(__name__)


async def healthz(_: web.Request) -> web.Response:
    # Liveness only: it must answer even when Slack cannot be reached.
    return web.Response(text="ok")


async def finish_background_work(_: web.Application) -> None:
    """Wait for what Bolt still runs after acknowledging (an event's listener), which stopping would cancel.

    Runs at cleanup, once the listening socket is closed and the requests in flight are done. aiohttp's own
    connection tasks are left out: one may still be draining a refused body, which nobody waits for.
    """
    pending = {
        task
        for task in asyncio.all_tasks()
        if task is not asyncio.current_task() and getattr(task.get_coro(), "__qualname__", "") != CONNECTION_TASK
    }
    if pending:
        _, unfinished = await asyncio.wait(pending, timeout=BACKGROUND_S)
        if unfinished:
            log.warning("stopping with %d tasks unfinished after %.0f s", len(unfinished), BACKGROUND_S)


def read_form_as_slack_sent_it(request: AsyncBoltRequest) -> AsyncBoltRequest:
    """Bolt takes any form body with the word "payload" in it for an interactive payload (slack_bolt's parse_body)
    and, finding none, reads nothing: `/llmcost what is the payload of ...` went unanswered (404). Such a body is
    read again as the slash command's fields it holds; the raw body, which the signature covers, is untouched."""
    fields = dict(parse_qsl(request.raw_body, keep_blank_values=True))
    if request.body or request.content_type != "application/x-www-form-urlencoded" or "payload" in fields:
        return request
    request.body = fields
    request.context = build_async_context(AsyncBoltContext({}), fields)
    return request


def events_handler(app: AsyncApp) -> Callable[[web.Request], Awaitable[web.Response]]:
    """Bolt's own POST handler (slack_bolt.app.async_server), with the form read as Slack sent it."""

    async def handle(request: web.Request) -> web.Response:
        bolt_request = read_form_as_slack_sent_it(await to_bolt_request(request))
        return await to_aiohttp_response(await app.async_dispatch(bolt_request))

    return handle


def build_web_app(app: AsyncApp) -> web.Application:
    # Bolt's own application has aiohttp's 1 MiB body limit and no way to change it: its routes are served here.
    web_app = web.Application(
        client_max_size=MAX_BODY, middlewares=[access_log, refuse_oversized, refuse_replays(RecentSignatures())]
    )
    for route in app.web_app(path=EVENTS_PATH).router.routes():
        assert route.resource is not None  # Bolt adds every route through a resource
        path = route.resource.canonical
        handler = events_handler(app) if (route.method, path) == ("POST", EVENTS_PATH) else route.handler
        web_app.router.add_route(route.method, path, handler)
    web_app.router.add_get(HEALTH_PATH, healthz)
    web_app.on_cleanup.append(finish_background_work)
    return web_app


def serve(app: AsyncApp, port: int) -> None:
    """Serve until SIGINT or SIGTERM (a PaaS restart): stop listening, finish what is in flight, exit 0."""
    # bot.access logs each request; aiohttp's own access log would say it twice.
    web.run_app(build_web_app(app), port=port, print=None, access_log=None, shutdown_timeout=SHUTDOWN_S)
