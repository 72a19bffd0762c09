"""A local stand-in for Slack: the Web API, response_url and the Socket Mode WebSocket. Records every call."""

import asyncio
import json
from dataclasses import dataclass
from typing import Any

from aiohttp import web

BOT_USER_ID = "UBOT"
TEAM_ID = "T123"
INSTALLED_TOKEN = "xoxb-installed-through-oauth-7"


@dataclass(frozen=True)
class Call:
    """One request the bot made: the Web API method (or `response_url`), its payload, its Authorization header."""

    method: str
    payload: dict[str, Any]
    authorization: str | None


class FakeSlack:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self._runner: web.AppRunner | None = None
        self.url = ""
        # Socket Mode: envelopes to push to whoever connects, and the acknowledgements that come back.
        self.envelopes: list[dict[str, Any]] = []
        self.socket_replies: list[dict[str, Any]] = []
        # A slow Slack: seconds to wait before answering a Web API method; and the methods answered so far.
        self.delays: dict[str, float] = {}
        self.answered: list[str] = []
        # users.info: a user id's profile fields (`locale`, `is_admin`, `is_owner` ...); unknown ids are plain
        # en-US members. An id in `missing_users` gets user_not_found.
        self.users: dict[str, dict[str, Any]] = {}
        self.missing_users: set[str] = set()
        # Each Web API call's client address (host, port): calls made on one connection share it.
        self.peers: list[tuple[str, int]] = []

    @property
    def api_url(self) -> str:
        return f"{self.url}/api/"

    def response_url(self, name: str = "r1") -> str:
        return f"{self.url}/response/{name}"

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/api/{method}", self._api)
        app.router.add_get("/api/{method}", self._api)  # slack_sdk reads users.info with GET and a query
        app.router.add_post("/response/{name}", self._response_url)
        app.router.add_get("/socket", self._socket)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.url = f"http://127.0.0.1:{port}"

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def _payload(self, request: web.Request) -> dict[str, Any]:
        if request.method == "GET":
            return dict(request.query)
        if request.content_type == "application/json":
            return await request.json()
        return dict(await request.post())

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        payload = await self._payload(request)
        self.calls.append(Call(method, payload, request.headers.get("Authorization")))
        assert request.transport is not None
        self.peers.append(request.transport.get_extra_info("peername"))
        await asyncio.sleep(self.delays.get(method, 0))
        self.answered.append(method)
        if method == "auth.test":
            return web.json_response(
                {
                    "ok": True,
                    "user_id": BOT_USER_ID,
                    "bot_id": "BBOT",
                    "team_id": TEAM_ID,
                    "team": "Test",
                    "user": "llmcost",
                }
            )
        if method == "apps.connections.open":
            return web.json_response({"ok": True, "url": f"ws://127.0.0.1:{request.url.port}/socket"})
        if method == "users.info":
            return web.json_response(self._users_info(payload))
        if method == "oauth.v2.access":
            return web.json_response(
                {
                    "ok": True,
                    "app_id": "A123",
                    "authed_user": {"id": "U123"},
                    "scope": "commands,chat:write,app_mentions:read,users:read,im:history",
                    "token_type": "bot",
                    "access_token": INSTALLED_TOKEN,
                    "bot_user_id": BOT_USER_ID,
                    "team": {"id": TEAM_ID, "name": "Test"},
                    "enterprise": None,
                    "is_enterprise_install": False,
                }
            )
        if method == "chat.postMessage":
            return web.json_response({"ok": True, "channel": "C123", "ts": f"1700000001.{len(self.calls):06d}"})
        if method == "chat.postEphemeral":
            return web.json_response({"ok": True, "message_ts": f"1700000002.{len(self.calls):06d}"})
        if method in ("views.open", "views.publish"):
            return web.json_response({"ok": True, "view": {"id": f"V{len(self.calls)}"}})
        return web.json_response({"ok": False, "error": "unknown_method"})

    def _users_info(self, payload: dict[str, Any]) -> dict[str, Any]:
        user_id = payload["user"]
        if user_id in self.missing_users:
            return {"ok": False, "error": "user_not_found"}
        user = {"id": user_id, "team_id": TEAM_ID, "name": user_id.lower(), "locale": "en-US", "is_admin": False}
        return {"ok": True, "user": user | self.users.get(user_id, {})}

    async def _response_url(self, request: web.Request) -> web.Response:
        self.calls.append(Call("response_url", await self._payload(request), request.headers.get("Authorization")))
        return web.Response(text="ok")

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        await socket.send_json({"type": "hello", "num_connections": 1, "connection_info": {"app_id": "A123"}})
        for envelope in self.envelopes:
            await socket.send_json(envelope)
        async for message in socket:
            self.socket_replies.append(json.loads(message.data))
        return socket

    def made(self, method: str) -> list[Call]:
        return [call for call in self.calls if call.method == method]

    async def wait_for(self, method: str, count: int = 1, timeout: float = 5.0) -> list[Call]:
        """The calls to `method` once there are `count` of them (listeners may run after the HTTP answer)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while len(self.made(method)) < count:
            if loop.time() > deadline:
                raise AssertionError(f"{method}: {len(self.made(method))} calls, expected {count}: {self.calls}")
            await asyncio.sleep(0.01)
        return self.made(method)


def payload_json(call: Call) -> dict[str, Any]:
    """A call's payload with Block Kit decoded (slack_sdk sends JSON; form posts carry blocks as a JSON string)."""
    payload = dict(call.payload)
    if isinstance(payload.get("blocks"), str):
        payload["blocks"] = json.loads(payload["blocks"])
    return payload
