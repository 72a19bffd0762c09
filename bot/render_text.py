"""Lay a reply out for a terminal: plain text, aligned labels, the reproducing command last."""

import unicodedata

from bot.i18n import t
from bot.report import Failure, Listing, Reply, Report

PREFIX = "llmcost "


def display_width(text: str) -> int:
    """Columns a terminal gives the text: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _table(rows: list[tuple[str, str]]) -> list[str]:
    width = max(display_width(label) for label, _ in rows)
    return [f"  {label}{' ' * (width - display_width(label))}  {value}" for label, value in rows]


def render_text(reply: Reply) -> str:
    lang = reply.lang
    if isinstance(reply, Failure):
        return f"{reply.message} {t(lang, 'try', example=PREFIX + reply.example)}"
    if isinstance(reply, Listing):
        lines = [reply.title]
        for heading, section in reply.sections:
            lines.append("")
            if heading:
                lines.append(heading)
            lines.extend(f"  {line}" for line in section)
        return "\n".join(lines)
    return _report(reply)


def _report(report: Report) -> str:
    lang = report.lang
    lines = [report.title, report.headline, "", *_table(report.fields), "", t(lang, "assumptions")]
    lines.extend(_table(report.assumptions))
    if report.notes:
        lines.extend(["", t(lang, "notes"), *(f"  - {note}" for note in report.notes)])
    lines.extend(["", f"{t(lang, 'reproduce')}: {PREFIX}{report.command}"])
    return "\n".join(lines)
