"""In HTTP mode with one bot token, `/llmcost` is answered by the server's own route, never by Bolt; what Bolt's
path gave is kept (signature and timestamp checks, ssl_check, the form, the apology). Everything else, and every
command in OAuth mode, is still Bolt's."""

import json
import logging
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse
from slack_sdk.errors import SlackApiError

import bot.answer as answering
import bot.slack.listeners.slash_command as slash_command
from bot.config import Config
from bot.slack.app import LlmcostApp
from bot.web.commands import form_fields
from tests.slack.conftest import BotServer, serving
from tests.slack.test_oauth import install
from tests.slack.test_oauth import settings as oauth_settings  # noqa: F401 (a fixture, used by name)
from tests.support.blocks import of_type
from tests.support.fake_slack import FakeSlack
from tests.support.signing import BOT_TOKEN, action_body, command_body, form_body, signed_headers

INVALID = {"error": "invalid request"}
APOLOGY = {
    "response_type": "ephemeral",
    "text": "Sorry, something went wrong on our side. The error was logged; please try again.",
}


@dataclass
class Watched:
    """The bot's server, and the body of every request its Bolt app was given to dispatch."""

    server: BotServer
    bolt_saw: list[dict[str, Any]] = field(default_factory=list)


def watching(seen: list[dict[str, Any]]) -> Callable[[LlmcostApp], None]:
    """Records each request Bolt dispatches, before any of Bolt's own middleware (ssl_check, signature) runs."""

    def watch(app: LlmcostApp) -> None:
        dispatch = app.async_dispatch

        async def recorded(request: AsyncBoltRequest) -> BoltResponse:
            seen.append(request.body)
            return await dispatch(request)

        app.async_dispatch = recorded  # type: ignore[method-assign, assignment]

    return watch


@pytest.fixture
async def watched(settings: Config) -> AsyncIterator[Watched]:
    seen: list[dict[str, Any]] = []
    async with serving(settings, watching(seen)) as server:
        yield Watched(server, seen)


async def test_commands_are_answered_without_bolt_and_a_button_press_still_goes_to_it(
    watched: Watched, fake_slack: FakeSlack
) -> None:
    bot = watched.server
    answer = await bot.command("train 175B 500B")
    assert "$1.06M at 100% of peak" in answer["text"]
    assert (await bot.command("train 7B gpu=NOPE"))["text"].startswith("`gpu=NOPE`: no such GPU")
    assert (await bot.command("gpus"))["text"] == "GPU catalog: dense peaks and default prices"
    assert watched.bolt_saw == []

    (actions,) = of_type(answer["blocks"], "actions")
    share = action_body(actions["elements"][0]["value"], response_url=fake_slack.response_url())
    assert (await bot.post_form(share))[0] == 200
    assert [body["type"] for body in watched.bolt_saw] == ["block_actions"]  # the watch does see what Bolt gets
    await fake_slack.wait_for("response_url", 2)


async def test_the_answer_is_sent_in_the_characters_of_json_dumps_as_bolts_ack_sends_it(watched: Watched) -> None:
    for text in ("train 175B 500B", "compare train 7B gpu=A100,H100", "训练 70B 模型 2T tokens 要多少钱"):
        status, body = await watched.server.post_form(command_body(text))
        assert status == 200
        assert body == json.dumps(json.loads(body))  # ASCII, json's own separators
        assert body.isascii()


async def test_another_command_is_left_to_bolt_which_does_not_handle_it(watched: Watched) -> None:
    status, _ = await watched.server.post_form(command_body("train 7B", command="/other"))
    assert status == 404  # Bolt's "unhandled request", as before
    assert [body["command"] for body in watched.bolt_saw] == ["/other"]


async def test_a_command_signed_with_another_secret_is_refused(watched: Watched, fake_slack: FakeSlack) -> None:
    body = command_body("train 175B 500B")
    status, text = await watched.server.post_form(body, headers=signed_headers(body, secret="not-the-secret"))
    assert (status, json.loads(text)) == (401, INVALID)
    assert watched.bolt_saw == [] and fake_slack.calls == []


async def test_a_command_signed_six_minutes_ago_is_refused(watched: Watched, fake_slack: FakeSlack) -> None:
    body = command_body("train 175B 500B")
    stale = signed_headers(body, timestamp=int(time.time()) - 6 * 60)
    status, text = await watched.server.post_form(body, headers=stale)
    assert (status, json.loads(text)) == (401, INVALID)
    ahead = signed_headers(body, timestamp=int(time.time()) + 6 * 60)  # the window holds either way
    assert (await watched.server.post_form(body, headers=ahead))[0] == 401
    assert watched.bolt_saw == [] and fake_slack.calls == []


@pytest.mark.parametrize(
    "headers",
    [
        {"X-Slack-Request-Timestamp": "yesterday", "X-Slack-Signature": "v0=00"},
        {"X-Slack-Signature": "v0=00"},  # no timestamp
        {"X-Slack-Request-Timestamp": "NOW"},  # no signature
        {"X-Slack-Request-Timestamp": "NOW", "X-Slack-Signature": "v0=ü"},  # not ASCII: compare_digest refuses it
    ],
)
async def test_a_malformed_signature_header_is_refused_not_failed(watched: Watched, headers: dict[str, str]) -> None:
    now = str(int(time.time()))
    sent = {name: now if value == "NOW" else value for name, value in headers.items()}
    status, text = await watched.server.post_form(command_body("train 7B"), headers=sent)
    assert (status, json.loads(text)) == (401, INVALID)


async def test_a_body_that_is_not_utf8_is_refused(watched: Watched) -> None:
    body = command_body("train 7B") + b"&extra=%FF\xff"
    status, text = await watched.server.post_form(body)
    assert (status, json.loads(text)) == (401, INVALID)


async def test_slacks_ssl_check_is_answered_empty_without_a_signature(watched: Watched, fake_slack: FakeSlack) -> None:
    body = form_body({"ssl_check": "1", "token": "legacy-verification-token"})
    assert await watched.server.post_form(body, headers={}) == (200, "")
    assert watched.bolt_saw == [] and fake_slack.calls == []


async def test_a_bare_command_opens_the_form_with_the_apps_token_and_an_empty_ack(
    watched: Watched, fake_slack: FakeSlack
) -> None:
    body = command_body("")
    assert await watched.server.post_form(body) == (200, "")
    (opened,) = fake_slack.made("views.open")  # opened before the ack
    assert opened.authorization == f"Bearer {BOT_TOKEN}"
    assert opened.payload["trigger_id"] == dict(pair.split("=") for pair in body.decode().split("&"))["trigger_id"]
    assert watched.bolt_saw == []


async def test_any_failure_is_answered_with_the_errors_listeners_apology_and_logged(
    watched: Watched, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(command: object, today: object) -> None:
        raise RuntimeError("engine exploded")

    with monkeypatch.context() as patch, caplog.at_level(logging.ERROR):
        patch.setattr(answering, "evaluate", broken)
        status, text = await watched.server.post_form(command_body("train 175B 500B", user="U777"))
    assert (status, json.loads(text)) == (200, APOLOGY)
    (record,) = [r for r in caplog.records if r.name == "bot.slack.listeners.errors"]
    assert "command /llmcost team=T123 user=U777 channel=C123 words='train 175B 500B'" in record.getMessage()
    assert record.exc_info is not None and "engine exploded" in str(record.exc_info[1])
    assert watched.bolt_saw == []


async def test_a_form_slack_refuses_to_open_gets_the_apology(
    watched: Watched, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    async def refused(*_: object) -> None:
        raise SlackApiError("views.open failed", {"ok": False, "error": "expired_trigger_id"})

    monkeypatch.setattr(slash_command, "open_form", refused)
    with caplog.at_level(logging.ERROR):
        status, text = await watched.server.post_form(command_body("  "))
    assert (status, json.loads(text)) == (200, APOLOGY)
    (record,) = [r for r in caplog.records if r.name == "bot.slack.listeners.errors"]
    assert "expired_trigger_id" in str(record.exc_info[1] if record.exc_info else "")


async def test_in_oauth_mode_commands_stay_with_bolt(
    oauth_settings: Config,  # noqa: F811 (the fixture imported above)
    fake_slack: FakeSlack,
) -> None:
    seen: list[dict[str, Any]] = []
    async with serving(oauth_settings, watching(seen)) as bot:
        assert (await install(bot))[0] == 200
        assert "$1.06M at 100% of peak" in (await bot.command("train 175B 500B"))["text"]
        # Bolt's reading of a form with the word "payload" in it, corrected (bot.web.server), as before the route
        assert (await bot.command("what is the payload of train 7B"))["text"].startswith("Read as `train 7B`")
    assert [body.get("command") for body in seen] == ["/llmcost", "/llmcost"]


@given(body=st.text(alphabet=st.sampled_from("ab=&+%2F4e5zé0 ;Ü"), max_size=40))
@example(body="text=train+175B+500B&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1&ssl_check")
@example(body="a=1&a=2&&=x&b&%zz=%e4%ff")  # repeated names, empty pairs and names, no `=`, bad escapes
def test_a_command_form_is_read_as_parse_qsl_reads_it(body: str) -> None:
    assert form_fields(body) == dict(parse_qsl(body, keep_blank_values=True))
    assert list(form_fields(body)) == list(dict(parse_qsl(body, keep_blank_values=True)))  # in the same order
