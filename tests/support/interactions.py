"""Payloads Slack would post when someone uses what the bot sent: a menu of a message, the form, the Home tab.

Each is built from the bot's own blocks or view (the ids, the options), never from constants the tests assume.
"""

import json
from typing import Any

from tests.support.signing import form_body, trigger_id

TEAM = {"id": "T123", "domain": "test"}


def _user(user: str) -> dict[str, str]:
    return {"id": user, "username": "ada", "name": "ada", "team_id": TEAM["id"]}


def menus_of(message: dict[str, Any]) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """The actions block of a message, and its menus by action_id."""
    (block,) = [block for block in message["blocks"] if block["type"] == "actions"]
    return block, {element["action_id"]: element for element in block["elements"] if element["type"] != "button"}


def option_of(menu: dict[str, Any], value: str) -> dict[str, Any]:
    (option,) = [option for option in menu["options"] if option["value"] == value]
    return option


def choice_body(message: dict[str, Any], action_id: str, value: str, *, response_url: str, user: str = "U123") -> bytes:
    """Picking the option valued `value` in the menu `action_id` of a private message the bot sent.

    Slack sends the block's id, the menu's action_id and the chosen option, and the state of the message's menus;
    for an ephemeral message, no copy of the message itself.
    """
    block, menus = menus_of(message)
    option = option_of(menus[action_id], value)
    payload = {
        "type": "block_actions",
        "token": "legacy-verification-token",
        "api_app_id": "A123",
        "team": TEAM,
        "user": _user(user),
        "channel": {"id": "C123", "name": "general"},
        "container": {"type": "message", "message_ts": "1700000000.000300", "channel_id": "C123", "is_ephemeral": True},
        "trigger_id": trigger_id(),
        "response_url": response_url,
        "state": {"values": {block["block_id"]: {action_id: {"type": "static_select", "selected_option": option}}}},
        "actions": [
            {
                "type": "static_select",
                "action_id": action_id,
                "block_id": block["block_id"],
                "selected_option": option,
                "placeholder": menus[action_id]["placeholder"],
                "action_ts": "1700000001.000100",
            }
        ],
    }
    return form_body({"payload": json.dumps(payload)})


def _state(view: dict[str, Any], given: dict[str, str]) -> dict[str, Any]:
    """The form's state once filled with `given` (block_id -> typed text, or the value of the option chosen)."""
    values: dict[str, Any] = {}
    for block in view["blocks"]:
        if block["type"] != "input":
            continue
        element = block["element"]
        value = given.get(block["block_id"])
        if element["type"] == "static_select":
            chosen = option_of(element, value) if value is not None else element.get("initial_option")
            state = {"type": "static_select", "selected_option": chosen}
        else:
            state = {"type": element["type"], "value": value}
        values[block["block_id"]] = {element["action_id"]: state}
    return {"values": values}


def submission_body(view: dict[str, Any], given: dict[str, str], *, user: str = "U123") -> bytes:
    """Submitting the form `view` (as the bot opened it) filled with `given`."""
    payload = {
        "type": "view_submission",
        "token": "legacy-verification-token",
        "api_app_id": "A123",
        "team": TEAM,
        "user": _user(user),
        "trigger_id": trigger_id(),
        "view": {
            **view,
            "id": "V123",
            "team_id": TEAM["id"],
            "app_id": "A123",
            "bot_id": "BBOT",
            "hash": "1700000000.abcdef",
            "state": _state(view, given),
        },
        "response_urls": [],
    }
    return form_body({"payload": json.dumps(payload)})


def home_opened_body(*, user: str = "U123", tab: str = "home", event_id: str = "EvHome1") -> bytes:
    """A person opening the app's Home (or Messages) tab, as the Events API posts it."""
    body = {
        "token": "legacy-verification-token",
        "team_id": TEAM["id"],
        "api_app_id": "A123",
        "event": {"type": "app_home_opened", "user": user, "channel": "D123", "tab": tab, "event_ts": "1700000000.1"},
        "type": "event_callback",
        "event_id": event_id,
        "event_time": 1700000000,
        "authorizations": [{"team_id": TEAM["id"], "user_id": "UBOT", "is_bot": True}],
    }
    return json.dumps(body).encode()
