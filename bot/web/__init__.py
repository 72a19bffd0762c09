"""HTTP: the aiohttp server around Bolt, the route answering slash commands without it, what is refused before either
sees a request, one log line per request."""
