"""Bar charts drawn in text: block characters that read the same in a terminal and in a Slack code block.

    MI300X        ████▍                     $545K
    B200-HGX      ██████████▎              $1.29M
    A100-80GB-SXM ████████████████████████ $3.03M

Names are padded to the longest, every bar gets the same cells, values end in one column.
"""

import unicodedata
from collections.abc import Sequence

BAR_CELLS = 24  # with a 13-letter GPU id and a 15-letter value, a line stays well under Slack's ~60 columns
FULL = "█"
PARTIAL = "▏▎▍▌▋▊▉"  # one to seven eighths of a cell


def display_width(text: str) -> int:
    """Columns a terminal gives the text: CJK characters take two."""
    if text.isascii():  # every ASCII character is one column: no table lookup per character (GPU ids, figures)
        return len(text)
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def bar(value: float, top: float, cells: int = BAR_CELLS) -> str:
    """`value` to the nearest eighth of a cell, `top` filling all `cells`; always exactly `cells` wide."""
    # At least a sliver, so a small figure never looks like nothing.
    eighths = max(round(value / top * cells * 8), 1) if top > 0 and value > 0 else 0
    full, rest = divmod(eighths, 8)
    drawn = FULL * full + (PARTIAL[rest - 1] if rest else "")
    return drawn + " " * (cells - len(drawn))


def chart(rows: Sequence[tuple[str, float, str]], cells: int = BAR_CELLS) -> list[str]:
    """One line per (name, value, value as shown): bars scaled to the largest value."""
    if not rows:
        return []
    name_width = max(display_width(name) for name, _, _ in rows)
    shown_width = max(display_width(shown) for _, _, shown in rows)
    top = max(value for _, value, _ in rows)
    return [
        f"{name}{' ' * (name_width - display_width(name))} {bar(value, top, cells)} "
        f"{' ' * (shown_width - display_width(shown))}{shown}"
        for name, value, shown in rows
    ]
