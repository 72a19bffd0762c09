"""Lay a reply out for a terminal: plain text, aligned labels, the reproducing command last."""

from bot.i18n import t
from bot.report import Failure, Listing, Reply, Report

PREFIX = "llmcost "


def _table(rows: list[tuple[str, str]]) -> list[str]:
    width = max(len(label) for label, _ in rows)
    return [f"  {label.ljust(width)}  {value}" for label, value in rows]


def render_text(reply: Reply, lang: str = "en") -> str:
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
    return _report(reply, lang)


def _report(report: Report, lang: str) -> str:
    lines = [report.title, report.headline, "", *_table(report.fields), "", t(lang, "assumptions")]
    lines.extend(_table(report.assumptions))
    if report.notes:
        lines.extend(["", t(lang, "notes"), *(f"  - {note}" for note in report.notes)])
    lines.extend(["", f"{t(lang, 'reproduce')}: {PREFIX}{report.command}"])
    return "\n".join(lines)
