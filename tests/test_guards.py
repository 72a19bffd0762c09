"""The replay guard's memory of signatures, by itself (tests/slack/test_hostile.py sends it real replays)."""

import time

from bot.web.guards import RecentSignatures, remembered_as

SIGNATURE = "v0=" + "a3" * 32
OTHER = (
    "v0=" + "a3" * 8 + "b4" * 24
)  # the same first 64 bits: remembered as one (a chance of 2^-64 between two of Slack's)


def test_a_signature_is_let_through_once_while_its_timestamp_can_pass() -> None:
    seen = RecentSignatures()
    now = str(int(time.time()))
    assert seen.first_time(SIGNATURE, now)
    assert not seen.first_time(SIGNATURE, now)
    assert seen.first_time("v0=" + "c5" * 32, now)


def test_a_signature_forgotten_is_let_through_again() -> None:
    seen = RecentSignatures()
    now = str(int(time.time()))
    assert seen.first_time(SIGNATURE, now)
    seen.forget(SIGNATURE)
    assert seen.first_time(SIGNATURE, now)


def test_a_signature_is_remembered_until_its_timestamp_leaves_the_window() -> None:
    seen = RecentSignatures(window_s=0.05)
    assert seen.first_time(SIGNATURE, str(time.time()))
    time.sleep(0.1)
    assert seen.first_time(SIGNATURE, str(time.time()))


def test_the_oldest_signature_gives_way_beyond_the_bound() -> None:
    seen = RecentSignatures(size=2)
    now = str(int(time.time()))
    first, second, third = ("v0=" + digit * 64 for digit in "123")
    assert all(seen.first_time(signature, now) for signature in (first, second, third))
    assert seen.first_time(first, now)  # pushed out by the third
    assert not seen.first_time(third, now)


def test_slacks_signatures_are_kept_by_their_first_64_bits_and_anything_else_as_it_is() -> None:
    assert remembered_as(SIGNATURE) == remembered_as(OTHER) == int("a3" * 8, 16)
    assert remembered_as("v0=short") == "v0=short"
    assert remembered_as("v0=" + "zz" * 32) == "v0=" + "zz" * 32  # not hex
    assert remembered_as("v1=" + "a3" * 32) == "v1=" + "a3" * 32
