"""Any text sent as a signed /llmcost to the real server gets 200 and a message: text and valid Block Kit
(blank text opens the estimate form instead: tests/slack/test_modal.py)."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.slack.conftest import BotServer
from tests.slack.test_blocks import passes_block_kit, slack_limits_hold
from tests.support.signing import command_body
from tests.test_fuzz import texts


# One server for every example: it must keep answering whatever came before, as in production.
@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(texts, st.sampled_from(["train 175B 500B", "compare infer 70B gpu=A100,H100", "help"])))
async def test_any_text_as_a_slash_command_gets_a_message(bot: BotServer, text: str) -> None:
    status, body = await bot.post_form(command_body(text))
    assert status == 200, body
    if not text.split():
        assert body == ""
        return
    message = json.loads(body)
    assert message["response_type"] == "ephemeral"
    assert message["text"].strip()
    assert message["blocks"]
    slack_limits_hold(message["text"], message["blocks"])
    passes_block_kit(message["blocks"])
