"""The HTTP server: Slack's requests (`POST /slack/events`: slash commands by bot.web.commands in HTTP mode with one
bot token, everything else by Bolt's request handler) plus `GET /healthz` (liveness) and `GET /readyz`
(readiness: the database answers too), on $PORT.

Around both: a log line per request, oversized bodies and exact replays refused, and a graceful stop on SIGTERM.
"""

import asyncio
import logging
from collections.abc import Awaitable, Callable

import aiohttp
from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.request.async_internals import build_async_context
from slack_bolt.request.async_request import AsyncBoltRequest

from bot.slack.app import LlmcostApp
from bot.web.access_log import SLACK_BODY, access_log
from bot.web.commands import FORM, CommandRoute, form_fields
from bot.web.guards import MAX_BODY, Handler, RecentSignatures, refuse_oversized, refuse_replays

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
READY_PATH = "/readyz"
# A PaaS sends SIGTERM, then SIGKILL 30 s later: requests in flight get SHUTDOWN_S, Bolt's work after its
# acknowledgement (a mention's reply) BACKGROUND_S, both well inside the grace period.
SHUTDOWN_S = 15.0
BACKGROUND_S = 10.0
# The coroutine aiohttp runs for each connection (aiohttp.web_protocol).
CONNECTION_TASK = "RequestHandler.start"

Readiness = Callable[[], Awaitable[bool]]

log = logging.getLogger(__name__)


async def healthz(_: web.Request) -> web.Response:
    # Liveness only: it must answer even when Slack or the database cannot be reached (estimates still are answered).
    return web.Response(text="ok")


def readyz(ready: Readiness) -> Callable[[web.Request], Awaitable[web.Response]]:
    """200 while the database answers, 503 while it does not: for a platform or a monitor that wants to know, never
    a reason to restart the process (it answers estimates meanwhile)."""

    async def handler(_: web.Request) -> web.Response:
        if await ready():
            return web.Response(text="ready")
        return web.Response(status=503, text="database unavailable")

    return handler


async def finish_background_work(_app: web.Application) -> None:
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


Hook = Callable[[web.Application], Awaitable[None]]


def web_api_connections(app: AsyncApp) -> tuple[Hook, Hook]:
    """One HTTP session for every Web API call the app makes, opened with the server and closed after it.

    Bolt builds a client for each request from the app's own, passing on its session; without one, slack_sdk
    opens a new session, so a new connection (and a TLS handshake with slack.com), for every call: Bolt's
    auth.test and the first users.info before the first answer, each form opened, each mention answered.
    """

    async def open_session(_: web.Application) -> None:
        # slack_sdk gives the timeout to the sessions it opens itself; a session of ours carries it instead.
        app.client.session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=app.client.timeout))

    async def close_session(_: web.Application) -> None:
        if app.client.session is not None:
            await app.client.session.close()

    return open_session, close_session


def read_form_as_slack_sent_it(request: AsyncBoltRequest) -> AsyncBoltRequest:
    """Bolt takes any form body with the word "payload" in it for an interactive payload (slack_bolt's parse_body)
    and, finding none, reads nothing: `/llmcost what is the payload of ...` went unanswered (404). Such a body is
    read again as the slash command's fields it holds; the raw body, which the signature covers, is untouched."""
    if request.body or request.content_type != FORM:  # nearly every request: Bolt read it, or it is not a form
        return request
    fields = form_fields(request.raw_body)
    if "payload" in fields:  # a real interactive payload that Bolt could not read: left as it is
        return request
    request.body = fields
    request.context = build_async_context(AsyncBoltContext({}), fields)
    return request


def slack_events(app: AsyncApp, commands: CommandRoute | None = None) -> Handler:
    """Slack's requests: `/llmcost` by `commands` when given (HTTP mode with one bot token), everything else by
    Bolt's own handler (slack_bolt.app.async_server). Either leaves its reading of the body on the request for the
    access log."""

    async def handle(request: web.Request) -> web.StreamResponse:
        if commands is not None and request.content_type == FORM:
            raw_body = await request.read()  # kept by aiohttp: Bolt reads the same bytes if the route passes
            # A button, menu or form submission is one `payload=` field, never a command: left to Bolt unparsed.
            if not raw_body.startswith(b"payload="):
                fields = form_fields(raw_body.decode(errors="replace"))
                if commands.takes(fields):
                    request[SLACK_BODY] = fields
                    return await commands.answer(request, raw_body, fields)
        bolt_request = read_form_as_slack_sent_it(await to_bolt_request(request))
        request[SLACK_BODY] = bolt_request.body
        return await to_aiohttp_response(await app.async_dispatch(bolt_request))

    return handle


def command_route(app: LlmcostApp) -> CommandRoute | None:
    """The route answering slash commands without Bolt, unless in OAuth mode: there each workspace's token comes
    from Bolt's authorization (its installation store), so its commands stay with Bolt."""
    if app.oauth_flow is not None:
        return None
    return CommandRoute(app.signing_secret, app.client, app.services)


def build_web_app(app: LlmcostApp, ready: Readiness | None = None) -> web.Application:
    # Bolt's own application has aiohttp's 1 MiB body limit and no way to change it: its routes are served here,
    # its OAuth pages as they are, Slack's requests through slack_events.
    web_app = web.Application(
        client_max_size=MAX_BODY, middlewares=[access_log, refuse_oversized, refuse_replays(RecentSignatures())]
    )
    for route in app.web_app(path=EVENTS_PATH).router.routes():
        assert route.resource is not None  # Bolt adds every route through a resource
        if route.method != "POST":
            web_app.router.add_route(route.method, route.resource.canonical, route.handler)
    web_app.router.add_post(EVENTS_PATH, slack_events(app, command_route(app)))
    web_app.router.add_get(HEALTH_PATH, healthz)
    if ready is not None:
        web_app.router.add_get(READY_PATH, readyz(ready))
    open_session, close_session = web_api_connections(app)
    web_app.on_startup.append(open_session)
    # Background work first: it may still call the Web API.
    web_app.on_cleanup.extend((finish_background_work, close_session))
    return web_app


def serve(app: LlmcostApp, port: int, ready: Readiness | None = None) -> None:
    """Serve until SIGINT or SIGTERM (a PaaS restart): stop listening, finish what is in flight, exit 0."""
    # bot.access logs each request; aiohttp's own access log would say it twice.
    web.run_app(build_web_app(app, ready), port=port, print=None, access_log=None, shutdown_timeout=SHUTDOWN_S)
