"""The baselines: a bare Bolt AsyncApp whose one listener only acks /llmcost, on Bolt's own aiohttp application.

Same variables as `python -m bot` (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_API_URL, PORT), same signature
checks, and the same GET /healthz, so start-up is measured the same way for both.

With `--with MODULE,MODULE...` it first imports, and never uses, those modules (bench/run.py passes the libraries
llmcost runs on besides Bolt: pydantic, pydantic-settings, python-dotenv, and either SQLAlchemy's asyncio engine
or stdlib sqlite3): the floor that an app on that stack starts from, before a line of its own code.
"""

import argparse
import importlib
import os

from aiohttp import web
from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.web.async_client import AsyncWebClient


async def healthz(_: web.Request) -> web.Response:
    return web.Response(text="ok")


async def only_ack(ack: AsyncAck) -> None:
    await ack()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--with", dest="modules", default="", help="comma-separated modules to import first")
    for module in filter(None, parser.parse_args().modules.split(",")):
        importlib.import_module(module)
    client = AsyncWebClient(token=os.environ["SLACK_BOT_TOKEN"], base_url=os.environ["SLACK_API_URL"])
    app = AsyncApp(client=client, signing_secret=os.environ["SLACK_SIGNING_SECRET"])
    app.command("/llmcost")(only_ack)
    web_app = app.web_app(path="/slack/events")
    web_app.router.add_get("/healthz", healthz)
    web.run_app(web_app, port=int(os.environ["PORT"]), print=None)


if __name__ == "__main__":
    main()
