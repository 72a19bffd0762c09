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

from aiohttp import web

from bot.web.guards import Handler

log = logging.getLogger("bot.access")

# The reading of a request's body (Bolt's, or the command route's), left on the request by the server's Slack
# handler (bot.web.server): the log describes the request from it, without parsing the body a second time.
SLACK_BODY = web.RequestKey("slack_body", dict)
# Slack's fields are short; anything longer is not Slack's, and a log line stays one short line.
FIELD_CHARS = 40


def _clip(value: object) -> str:
    return str(value)[:FIELD_CHARS]


def _slack_fields(body: dict[str, Any]) -> dict[str, str]:
    """The kind of Slack request, from the few fields of its body that say it (nothing else is kept)."""
    if "command" in body:
        words = str(body.get("text") or "").split(maxsplit=1)
        return {"kind": "command", "command": _clip(body["command"]), "word": _clip(words[0] if words else "")}
    fields = {"kind": _clip(body.get("type", "unknown"))}
    actions = body.get("actions")
    if isinstance(actions, list) and actions and isinstance(actions[0], dict):
        fields["action"] = _clip(actions[0].get("action_id", ""))
    event = body.get("event")
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
        # Only an accepted request is described (a forged one says nothing of itself worth logging).
        body = request.get(SLACK_BODY)
        if status < 400 and isinstance(body, dict):
            line.update(_slack_fields(body))
        if retry := request.headers.get("X-Slack-Retry-Num"):
            line["retry"] = _clip(retry)
        line["ms"] = round((time.perf_counter() - started) * 1000, 1)
        log.info(json.dumps(line, ensure_ascii=False))
