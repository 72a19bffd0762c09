"""One log line per HTTP request, as JSON: what kind of Slack request it was, how it ended, how long it took.

Fields: `method`, `path`, `status`, `ms`, and for Slack's requests `kind` (`command`, `block_actions`,
`event_callback`, ...), `command` (e.g. `/llmcost`), `word` (the first word of the command's text only),
`action` (a button's action_id), `event` (an event's type), `retry` (Slack's X-Slack-Retry-Num).
Never the body, the rest of the user's words, tokens, response_url or the signing secret.
"""

import json
import logging
import time
from typing import Any
from urllib.parse import parse_qs

from aiohttp import web

from bot.web.guards import Handler

log = logging.getLogger("bot.access")

# Slack's fields are short; anything longer is not Slack's, and a log line stays one short line.
FIELD_CHARS = 40


def _clip(value: object) -> str:
    return str(value)[:FIELD_CHARS]


def _slack_fields(body: bytes, content_type: str) -> dict[str, str]:
    """The kind of Slack request in `body`, read from the few fields that say it (nothing else is kept)."""
    try:
        if content_type == "application/json":
            payload: Any = json.loads(body)
        else:
            form = parse_qs(body.decode(), max_num_fields=50)
            if "command" in form:
                words = form.get("text", [""])[0].split(maxsplit=1)
                return {
                    "kind": "command",
                    "command": _clip(form["command"][0]),
                    "word": _clip(words[0] if words else ""),
                }
            payload = json.loads(form["payload"][0]) if "payload" in form else {}
    except (ValueError, KeyError, IndexError):
        return {"kind": "unreadable"}
    if not isinstance(payload, dict):
        return {"kind": "unreadable"}
    fields = {"kind": _clip(payload.get("type", "unknown"))}
    actions = payload.get("actions")
    if isinstance(actions, list) and actions and isinstance(actions[0], dict):
        fields["action"] = _clip(actions[0].get("action_id", ""))
    event = payload.get("event")
    if isinstance(event, dict):
        fields["event"] = _clip(event.get("type", ""))
    return fields


@web.middleware
async def access_log(request: web.Request, handler: Handler) -> web.StreamResponse:
    started = time.perf_counter()
    status = 500
    try:
        response = await handler(request)
        status = response.status
        return response
    except web.HTTPException as refusal:
        status = refusal.status
        raise
    finally:
        line: dict[str, object] = {"method": request.method, "path": _clip(request.path), "status": status}
        # Only a request Bolt accepted is described: its body is read already (aiohttp keeps it), so this waits
        # on nothing, and a forged or oversized one is not parsed at all.
        if request.method == "POST" and status < 400 and request.body_exists:
            line.update(_slack_fields(await request.read(), request.content_type))
        if retry := request.headers.get("X-Slack-Retry-Num"):
            line["retry"] = _clip(retry)
        line["ms"] = round((time.perf_counter() - started) * 1000, 1)
        log.info(json.dumps(line, ensure_ascii=False))
