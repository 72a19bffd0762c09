"""Slash commands in HTTP mode with one bot token, answered without Bolt on the request path.

A command's answer is its acknowledgement, so Bolt's dispatch (its request object and context, the middleware
chain, an authorization, a Web API client built per request, listener matching, argument injection) was work
the answer does not need: 31% of a command's CPU in a profile at 9a5aea1 (BENCHMARKS.md). This route keeps what that path gave: Bolt's `ssl_check`
answer, the signature checked as Bolt checks it (slack_sdk's SignatureVerifier: HMAC-SHA256 of the raw body,
timestamp within 5 minutes), the same answer through the same function (bot.slack.listeners.slash_command's
`command_ack`, with the app's one Web API client and services), and the same apology for any failure. The HTTP
middlewares (access log, size and replay guards) wrap it as they wrap Bolt.

Everything else stays with Bolt: interactivity, events, OAuth mode (each workspace's token comes from Bolt's
authorization) and Socket Mode (no HTTP at all).
"""

import json
from collections.abc import Mapping
from urllib.parse import unquote

from aiohttp import web
from slack_sdk.signature import SignatureVerifier
from slack_sdk.web.async_client import AsyncWebClient

from bot.render.blocks import SLASH
from bot.slack.asking import Asking
from bot.slack.listeners.errors import apology_to_a_command, log_failure
from bot.slack.listeners.slash_command import command_ack
from bot.slack.services import Services
from bot.team.records import Team
from bot.web.guards import INVALID

FORM = "application/x-www-form-urlencoded"
# json.dumps's characters (ASCII, its separators), without its check for cycles: an acknowledgement is a tree of
# fresh dicts and the menus shared by every reply (bot.render.blocks), never a cycle; the check's bookkeeping was a
# sixth of the serialisation's CPU.
_ACK_JSON = json.JSONEncoder(check_circular=False)


def form_fields(body: str) -> dict[str, str]:
    """`dict(parse_qsl(body, keep_blank_values=True))`, the same fields (the last of a repeated name), written for a
    form body: a name or value is unquoted only when it holds a `%`, where parse_qsl calls unquote (and its
    argument coercion) for every one: 15 µs for a command's fields, now a third of that."""
    fields = {}
    for pair in body.split("&"):
        if not pair:
            continue
        name, _, value = pair.partition("=")  # no `=`: a blank value, as keep_blank_values gives
        name, value = name.replace("+", " "), value.replace("+", " ")
        fields[unquote(name) if "%" in name else name] = unquote(value) if "%" in value else value
    return fields


def is_ssl_check(fields: Mapping[str, str]) -> bool:
    """Slack's check of the certificate of a slash command's URL (ssl_check=1, unsigned)."""
    return fields.get("ssl_check") == "1"


class CommandRoute:
    """Answers `/llmcost` posted to the events URL; `takes` says which requests are its own."""

    def __init__(self, signing_secret: str, client: AsyncWebClient, services: Services) -> None:
        self._verifier = SignatureVerifier(signing_secret)
        self._client = client
        self._services = services

    @staticmethod
    def takes(fields: Mapping[str, str]) -> bool:
        """A form body with our command, or Slack's ssl_check. Other commands go to Bolt, which answers 404 as
        before; an interactive payload has no `command` field."""
        return fields.get("command") == SLASH or is_ssl_check(fields)

    async def answer(self, request: web.Request, raw_body: bytes, fields: Mapping[str, str]) -> web.Response:
        if is_ssl_check(fields):
            return web.Response()  # as Bolt: 200, empty, before any signature check (Slack does not sign it)
        if not self._signed_by_slack(request, raw_body):
            return web.json_response(INVALID, status=401)
        try:
            ack = await command_ack(fields, self._asking(fields))
        except Exception as error:  # anything at all: the apology, as Bolt's errors listener gives it, never a 500
            log_failure(error, dict(fields), fields.get("team_id"), fields.get("user_id"), fields.get("channel_id"))
            ack = apology_to_a_command()
        if not ack:
            return web.Response()  # the form is open: an empty acknowledgement, as Bolt's ack()
        # As Bolt's ack serialises, json.dumps's (ASCII, so every character survives any proxy's charset handling).
        return web.Response(text=_ACK_JSON.encode(ack), content_type="application/json")

    def _signed_by_slack(self, request: web.Request, raw_body: bytes) -> bool:
        timestamp = request.headers.get("X-Slack-Request-Timestamp", "0")
        try:
            return self._verifier.is_valid(raw_body, timestamp, request.headers.get("X-Slack-Signature", ""))
        except (ValueError, TypeError):  # a timestamp not a number, a body not UTF-8, a signature not ASCII
            return False  # none of them Slack's (on Bolt's path: the apology, or aiohttp's 500 for the body)

    def _asking(self, fields: Mapping[str, str]) -> Asking:
        # The ids Slack signed into the command, read as Bolt reads them into its context.
        team = Team(team_id=fields.get("team_id") or "", enterprise_id=fields.get("enterprise_id") or "")
        return Asking(team, fields.get("user_id") or None, self._client, self._services)
