"""`python -m bot`: the Slack app, over HTTP on $PORT, or in Socket Mode when SLACK_APP_TOKEN is set."""

import asyncio
import logging
import sys

from dotenv import find_dotenv, load_dotenv
from slack_bolt.async_app import AsyncApp
from sqlalchemy.exc import SQLAlchemyError

from bot.config import ConfigError, load_config
from bot.slack.app import create_app
from bot.store.database import shown
from bot.store.migrate import upgrade_database
from bot.store.serving import ServingDatabase
from bot.web.server import serve
from bot.wording.i18n import DEFAULT_LANG, t

log = logging.getLogger("bot")


async def run_socket_mode(app: AsyncApp, app_token: str) -> None:
    # Imported here: the web process (HTTP mode) never needs it, and a PaaS cold start must bind $PORT quickly.
    from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

    await AsyncSocketModeHandler(app, app_token).start_async()


def main() -> None:
    # `.env` in the working directory, as a PaaS or a developer's shell has it; real variables win over it.
    load_dotenv(find_dotenv(usecwd=True))
    try:
        config = load_config()
    except ConfigError as error:
        print(f"llmcost: {error}", file=sys.stderr)
        sys.exit(1)
    logging.basicConfig(level=config.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # Every process migrates before it serves (one at a time, under a lock): a deploy needs no separate step.
    url = config.database()
    try:
        asyncio.run(upgrade_database(url))
    except (OSError, SQLAlchemyError) as error:
        # The first line names the cause (refused, unknown host, bad password); the URL is shown without password.
        cause = str(error).splitlines()[0] if str(error) else type(error).__name__
        print(f"llmcost: {t(DEFAULT_LANG, 'database_unavailable', url=shown(url), cause=cause)}", file=sys.stderr)
        sys.exit(1)
    database = ServingDatabase(url)
    app = create_app(config, database)
    if config.slack_app_token is not None:
        log.info("starting in Socket Mode")
        asyncio.run(run_socket_mode(app, config.slack_app_token.get_secret_value()))
    else:
        log.info("serving HTTP on port %d", config.port)
        serve(app, config.port, database.ready)


if __name__ == "__main__":
    main()
