"""HTTP: the aiohttp server around Bolt, what it refuses before Bolt sees a request, one log line per request."""
