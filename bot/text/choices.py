"""The words behind an estimate's controls: what a GPU or MFU picked from a menu makes of the words typed.

Pure text in, text out: the new words are answered like any others, so a choice keeps every other parameter,
a preset's name and `lang=`, and an answer is never patched from a previous one.
"""

from bot.text.grammar import command_of, words_of

GPU = "gpu"
MFU = "mfu"
# Published end-to-end utilization of large runs spans about 25-50% (35% typical); 100% is the seed's assumption.
MFU_CHOICES = ("25%", "35%", "50%", "100%")


def with_choice(words: str, key: str, value: str) -> str:
    """`words` with `key=value` in place of any `key=` they had (`gpu=` replaces a comparison's list too, though a
    comparison's own replies offer no GPU menu: the grammar refuses a comparison of one; and a rental's GPU named
    first)."""
    prefix = f"{key}="
    kept = [word for word in words_of(words) if not word.lower().startswith(prefix)]
    if key == GPU and len(kept) > 1 and _rents(kept) and "=" not in kept[1]:
        del kept[1]  # `rent H100 ...` names its GPU first: the chosen one takes its place
    return " ".join([*kept, f"{prefix}{value}"])


def offers_mfu(words: str) -> bool:
    """Whether a reply to `words` has an MFU menu beside its GPU menu: not a rental's, which has no MFU."""
    return not _rents(words_of(words))


def _rents(words: list[str]) -> bool:
    """Whether the words (split by words_of) are a rental's."""
    return bool(words) and command_of(words[0]) == "rent"
