"""Free text read back to the person: the command it was read as, the choices made, the words not used."""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.wording.i18n import t

if TYPE_CHECKING:  # the reader compiles its patterns at import: only a question that needs reading pays for them
    from bot.text.reader import Reading


@dataclass(frozen=True)
class ReadBack:
    """`read_as` and `ignored` as JSON gives them; `lines` as a reply shows them, first."""

    read_as: str
    ignored: tuple[str, ...]
    lines: tuple[str, ...]


def read_back(reading: "Reading", lang: str) -> ReadBack:
    lines = [t(lang, "read_as", command=reading.command)]
    lines += [t(lang, note.code, **note.values) for note in reading.notes]
    if reading.ignored:
        words = t(lang, "word_separator").join(f"'{word}'" for word in reading.ignored)
        lines.append(t(lang, "read_ignored", words=words))
    return ReadBack(read_as=reading.command, ignored=reading.ignored, lines=tuple(lines))
