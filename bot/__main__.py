"""`python -m bot`: the Slack app, over HTTP on $PORT, or in Socket Mode when SLACK_APP_TOKEN is set."""

import asyncio
import logging
import sys

from slack_bolt.async_app import AsyncApp

from bot.config import check_slack, load_config
from bot.operator_prices import ConfigError, load_prices
from bot.slack.app import create_app
from bot.store.serving import serving_database
from bot.store.startup import migrate_unless_at_head
from bot.web.server import serve

log = logging.getLogger("bot")


async def run_socket_mode(app: AsyncApp, app_token: str) -> None:
    # Imported here: the web process (HTTP mode) never needs it, and a PaaS cold start must bind $PORT quickly.
    from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

    await AsyncSocketModeHandler(app, app_token).start_async()


def main() -> None:
    try:
        config = load_config()
        check_slack(config)
        load_prices(config.llmcost_prices)
    except ConfigError as error:
        print(f"llmcost: {error}", file=sys.stderr)
        sys.exit(1)
    logging.basicConfig(level=config.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # Every process migrates before it serves (one at a time, under a lock): a deploy needs no separate step.
    unavailable = asyncio.run(migrate_unless_at_head(config.database_text()))
    if unavailable is not None:
        print(f"llmcost: {unavailable}", file=sys.stderr)
        sys.exit(1)
    database = serving_database(config.database_text(), oauth=config.oauth)
    app = create_app(config, database)
    if config.slack_app_token is not None:
        log.info("starting in Socket Mode")
        asyncio.run(run_socket_mode(app, config.slack_app_token.get_secret_value()))
    else:
        log.info("serving HTTP on port %d", config.port)
        serve(app, config.port, database.ready)


if __name__ == "__main__":
    main()
