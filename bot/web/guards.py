"""What the HTTP server refuses before Bolt sees a request: bodies too large for Slack, and exact replays."""

import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable

from aiohttp import web
from aiohttp.typedefs import Middleware

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

# Slack's payloads are a few KiB (a modal's view state is the largest); 256 KiB is ample and cheap to hold.
MAX_BODY = 256 * 1024
# Bolt refuses a timestamp more than 5 minutes off, either way: a replay older than that is refused anyway.
SIGNATURE_WINDOW_S = 5 * 60
INVALID = {"error": "invalid request"}


@web.middleware
async def refuse_oversized(request: web.Request, handler: Handler) -> web.StreamResponse:
    """413 at once on a declared length over MAX_BODY, without reading a byte of the body.

    A body without a length (chunked) is stopped by the application's client_max_size as it is read.
    """
    if request.content_length is not None and request.content_length > MAX_BODY:
        raise web.HTTPRequestEntityTooLarge(max_size=MAX_BODY, actual_size=request.content_length)
    return await handler(request)


def remembered_as(signature: str) -> int | str:
    """A signature as RecentSignatures keeps it: Slack's (`v0=` and 64 hex digits) by its first 64 bits, an int of
    32 bytes instead of the header's 116-byte text (bench.run's 3,301 commands in one window: ~0.2 MiB). Two of
    Slack's signatures share those bits with a chance of 2^-64 (for each request, ~1e-15 against the 20,000 held);
    anything else, which Slack never sends, is kept as it is."""
    if len(signature) == 67 and signature.startswith("v0="):
        try:
            return int(signature[3:19], 16)
        except ValueError:
            pass
    return signature


class RecentSignatures:
    """Signatures of accepted requests, each until its timestamp leaves the window, oldest first, bounded.

    Per process: a replay sent to another process (or after a restart) is not recognised.
    """

    def __init__(self, size: int = 20_000, window_s: float = SIGNATURE_WINDOW_S) -> None:
        self._seen: OrderedDict[int | str, float] = OrderedDict()
        self._size = size
        self._window_s = window_s

    def first_time(self, signature: str, timestamp: str) -> bool:
        """True, and remembered, unless this signature was seen while its timestamp can still pass."""
        now = time.time()
        while self._seen and next(iter(self._seen.values())) < now:
            self._seen.popitem(last=False)
        key = remembered_as(signature)
        if key in self._seen:
            return False
        # Bolt accepts the request until its timestamp is 5 minutes old: remember it that long (at least).
        try:
            signed_at = float(timestamp)
        except ValueError:
            signed_at = now  # Bolt refuses it; the entry is dropped again after the handler
        self._seen[key] = max(now, signed_at) + self._window_s
        if len(self._seen) > self._size:
            self._seen.popitem(last=False)
        return True

    def forget(self, signature: str) -> None:
        self._seen.pop(remembered_as(signature), None)


def refuse_replays(signatures: RecentSignatures) -> Middleware:
    """A middleware answering 401, as Bolt answers a bad signature, to a signed request already accepted.

    Slack signs only the timestamp and body, so within the 5-minute window a captured command or button press
    could be sent again. Every real one differs (its trigger_id). Event retries (X-Slack-Retry-Num) pass: Slack
    may redeliver an event unchanged, and the app answers each event id once.
    """

    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        signature = request.headers.get("X-Slack-Signature")
        if signature is None or "X-Slack-Retry-Num" in request.headers:
            return await handler(request)
        if not signatures.first_time(signature, request.headers.get("X-Slack-Request-Timestamp", "")):
            return web.json_response(INVALID, status=401)
        try:
            response = await handler(request)
        except BaseException:
            signatures.forget(signature)
            raise
        # Remembered before the handler ran, so two copies sent at once cannot both pass; forgotten when Bolt
        # found the signature false, so forged requests cannot crowd out the real ones.
        if response.status == 401:
            signatures.forget(signature)
        return response

    return middleware
