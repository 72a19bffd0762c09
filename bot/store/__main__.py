"""`python -m bot.store upgrade`: migrate the database `DATABASE_URL` names (the SQLite file when unset)."""

import argparse
import asyncio

from bot.store.database import database_url, shown
from bot.store.migrate import upgrade_database


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bot.store", description=__doc__)
    parser.add_argument("action", choices=["upgrade"], help="apply every migration the database lacks")
    parser.parse_args()
    url = database_url()
    asyncio.run(upgrade_database(url))
    print(f"{shown(url)}: schema up to date")


if __name__ == "__main__":
    main()
