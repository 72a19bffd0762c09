"""`python -m bot.store upgrade`: migrate the database `DATABASE_URL` names, in the environment or `.env`
(the SQLite file when unset). No Slack variable is needed."""

import argparse
import asyncio
import sys

from bot.config import ConfigError, load_config
from bot.store.database import shown
from bot.store.migrate import upgrade_or_explain


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bot.store", description=__doc__)
    parser.add_argument("action", choices=["upgrade"], help="apply every migration the database lacks")
    parser.parse_args()
    try:
        url = load_config().database()
    except ConfigError as error:
        sys.exit(f"llmcost: {error}")
    unavailable = asyncio.run(upgrade_or_explain(url))
    if unavailable is not None:
        sys.exit(f"llmcost: {unavailable}")
    print(f"{shown(url)}: schema up to date")


if __name__ == "__main__":
    main()
