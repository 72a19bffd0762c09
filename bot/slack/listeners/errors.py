"""Any unexpected exception: logged with the request's context (never tokens), a short apology, the server stays up.
Bolt's error handler for what Bolt serves; HTTP mode's command route (bot.web.commands) logs and apologises the same
way through `log_failure` and `apology_to_a_command`."""

import json
import logging
from typing import Any

from slack_bolt.async_app import AsyncApp, AsyncBoltContext, AsyncRespond
from slack_bolt.response import BoltResponse
from slack_sdk.web.async_client import AsyncWebClient

from bot.wording.i18n import DEFAULT_LANG, t

log = logging.getLogger(__name__)


def _kind(body: dict[str, Any]) -> str:
    if "command" in body:
        return f"command {body['command']}"
    if "event" in body:
        return f"event {body['event'].get('type')}"
    return str(body.get("type", "unknown"))


def _words(body: dict[str, Any]) -> str:
    """What the user asked, to reproduce the failure (the body also holds tokens and a response_url: not those)."""
    if "command" in body:
        return str(body.get("text", ""))
    if "event" in body:
        return str(body["event"].get("text", ""))
    # A menu choice has no value of its own: its words are the block_id (bot.render.blocks).
    return " ".join(str(action.get("value") or action.get("block_id", "")) for action in body.get("actions", []))


def log_failure(
    error: BaseException, body: dict[str, Any], team_id: str | None, user_id: str | None, channel_id: str | None
) -> None:
    """The failure, with what to reproduce it by: the request's kind, ids and words (never tokens)."""
    log.error(
        "request failed: %s team=%s user=%s channel=%s words=%r",
        _kind(body),
        team_id,
        user_id,
        channel_id,
        _words(body),
        exc_info=error,
    )


def apology_to_a_command() -> dict[str, str]:
    """The acknowledgement of a slash command that failed before it was acknowledged: the apology, privately."""
    return {"response_type": "ephemeral", "text": t(DEFAULT_LANG, "internal_error")}


async def apologize(
    error: Exception,
    body: dict[str, Any],
    context: AsyncBoltContext,
    response: BoltResponse | None,
    respond: AsyncRespond,
    client: AsyncWebClient,
) -> BoltResponse | None:
    log_failure(error, body, context.team_id, context.user_id, context.channel_id)
    # Bolt passes a response only while the request is not yet acknowledged: then the apology is the ack.
    if response is not None and "command" in body:
        return BoltResponse(
            status=200, body=json.dumps(apology_to_a_command()), headers={"content-type": "application/json"}
        )
    apology = t(DEFAULT_LANG, "internal_error")
    try:
        if body.get("response_url"):  # a command already acknowledged, a button press
            await respond(text=apology, response_type="ephemeral", replace_original=False)
        elif "event" in body and "channel" in body["event"]:
            event = body["event"]
            await client.chat_postMessage(
                channel=event["channel"], thread_ts=event.get("thread_ts", event.get("ts")), text=apology
            )
    except Exception:  # the apology is a courtesy: failing to deliver it must not hide the first error
        log.exception("could not deliver the apology for the failure above")
    return None


def register(app: AsyncApp) -> None:
    app.error(apologize)
