"""Requests signed exactly as Slack signs them: v0 HMAC-SHA256 over `v0:{timestamp}:{raw body}`."""

import hashlib
import hmac
import itertools
import json
import time
from typing import Any
from urllib.parse import urlencode

SIGNING_SECRET = "test-signing-secret-8f3a"
BOT_TOKEN = "xoxb-test-bot-token-42"

# Slack gives every command and button press its own trigger_id, so two requests are never byte-identical;
# the server refuses an exact replay of a signed request.
_triggers = itertools.count(1)


def trigger_id() -> str:
    return f"{next(_triggers)}.1.2"


def signature(secret: str, timestamp: str, body: bytes) -> str:
    base = b"v0:" + timestamp.encode() + b":" + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


def signed_headers(body: bytes, secret: str = SIGNING_SECRET, timestamp: int | None = None) -> dict[str, str]:
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    return {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": signature(secret, stamp, body)}


def form_body(fields: dict[str, str]) -> bytes:
    return urlencode(fields).encode()


def command_fields(
    text: str,
    *,
    user: str = "U123",
    response_url: str = "",
    command: str = "/llmcost",
    team: str = "T123",
    enterprise: str | None = None,
) -> dict[str, str]:
    """A slash command's fields, as Slack sends them (`enterprise_id` only from an Enterprise Grid workspace)."""
    grid = {} if enterprise is None else {"enterprise_id": enterprise, "enterprise_name": "Grid"}
    return grid | {
        "token": "legacy-verification-token",
        "team_id": team,
        "team_domain": "test",
        "channel_id": "C123",
        "channel_name": "general",
        "user_id": user,
        "user_name": "ada",
        "command": command,
        "text": text,
        "api_app_id": "A123",
        "response_url": response_url,
        "trigger_id": trigger_id(),
    }


def command_body(text: str, **fields: str | None) -> bytes:
    """A slash command as Slack posts it over HTTP (form-encoded)."""
    return form_body(command_fields(text, **fields))


def action_body(value: str, *, response_url: str, user: str = "U123", team: str = "T123") -> bytes:
    """A button press on the private estimate: a block_actions payload, form-encoded as `payload=<json>`."""
    payload: dict[str, Any] = {
        "type": "block_actions",
        "token": "legacy-verification-token",
        "api_app_id": "A123",
        "team": {"id": team, "domain": "test"},
        "user": {"id": user, "username": "ada", "team_id": team},
        "channel": {"id": "C123", "name": "general"},
        "container": {"type": "message", "message_ts": "1700000000.000200", "channel_id": "C123", "is_ephemeral": True},
        "trigger_id": trigger_id(),
        "response_url": response_url,
        "actions": [
            {
                "type": "button",
                "action_id": "share_in_channel",
                "block_id": "b1",
                "text": {"type": "plain_text", "text": "Share in channel"},
                "value": value,
                "action_ts": "1700000001.000000",
            }
        ],
    }
    return form_body({"payload": json.dumps(payload)})


def message_body(
    text: str,
    *,
    event_id: str = "Ev101",
    ts: str = "1700000000.000500",
    user: str = "U123",
    channel_type: str = "im",
    **fields: str,
) -> bytes:
    """A message event (message.im for a direct message to the bot) as the Events API posts it (JSON); `fields`
    adds to the event (`subtype`, `bot_id`, `thread_ts`)."""
    event: dict[str, Any] = {
        "type": "message",
        "channel_type": channel_type,
        "user": user,
        "text": text,
        "ts": ts,
        "channel": "D123",
        "event_ts": ts,
        **fields,
    }
    return _event_callback(event, event_id, "T123")


def mention_body(
    text: str,
    *,
    event_id: str = "Ev001",
    ts: str = "1700000000.000100",
    thread_ts: str | None = None,
    user: str = "U123",
    team: str = "T123",
) -> bytes:
    """An app_mention event callback as the Events API posts it (JSON)."""
    event: dict[str, Any] = {
        "type": "app_mention",
        "user": user,
        "text": text,
        "ts": ts,
        "channel": "C123",
        "event_ts": ts,
    }
    if thread_ts is not None:
        event["thread_ts"] = thread_ts
    return _event_callback(event, event_id, team)


def _event_callback(event: dict[str, Any], event_id: str, team: str) -> bytes:
    body = {
        "token": "legacy-verification-token",
        "team_id": team,
        "api_app_id": "A123",
        "event": event,
        "type": "event_callback",
        "event_id": event_id,
        "event_time": 1700000000,
        "authorizations": [{"team_id": team, "user_id": "UBOT", "is_bot": True}],
    }
    return json.dumps(body).encode()
