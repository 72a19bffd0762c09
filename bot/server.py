"""The HTTP server: Bolt's own aiohttp application (`POST /slack/events`) plus `GET /healthz`, on $PORT."""

from aiohttp import web
from slack_bolt.async_app import AsyncApp

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"


async def healthz(_: web.Request) -> web.Response:
    # Liveness only: it must answer even when Slack cannot be reached.
    return web.Response(text="ok")


def build_web_app(app: AsyncApp) -> web.Application:
    web_app = app.web_app(path=EVENTS_PATH)
    web_app.router.add_get(HEALTH_PATH, healthz)
    return web_app


def serve(app: AsyncApp, port: int) -> None:
    """Serve until SIGINT or SIGTERM (a PaaS restart), which aiohttp's runner turns into a clean shutdown."""
    # `python -m bot` logs the start itself; the PaaS router already logs every request.
    web.run_app(build_web_app(app), port=port, print=None, access_log=None)
