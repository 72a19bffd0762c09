"""Lay a reply out for a terminal: plain text, aligned labels, the reproducing command last."""

from typing import TYPE_CHECKING

from bot.answer import Answer
from bot.render.chart import display_width
from bot.wording.i18n import t
from bot.wording.report import Failure, Listing, Report

if TYPE_CHECKING:  # a comparison's wording imports the serving engine, which the terminal's `train` never needs
    from bot.wording.comparison import Comparison

PREFIX = "llmcost "


def _table(rows: list[tuple[str, str]]) -> list[str]:
    width = max(display_width(label) for label, _ in rows)
    return [f"  {label}{' ' * (width - display_width(label))}  {value}" for label, value in rows]


def render_text(reply: Answer) -> str:
    """The reply as text; for free text, the command it was read as first (on the same line for a failure, which
    the CLI prints as one line)."""
    read = list(reply.read_back.lines) if reply.read_back is not None else []
    if isinstance(reply, Failure):
        return " ".join([*read, reply.message, t(reply.lang, "try", example=PREFIX + reply.example)])
    return "\n".join([*read, *([""] if read else []), _body(reply)])


def _body(reply: "Report | Comparison | Listing") -> str:
    if isinstance(reply, Listing):
        lines = [reply.title]
        for heading, section in reply.sections:
            lines.append("")
            if heading:
                lines.append(heading)
            lines.extend(f"  {line}" for line in section)
        return "\n".join(lines)
    if isinstance(reply, Report):
        return _report(reply)
    return _comparison(reply)


def _report(report: Report) -> str:
    lang = report.lang
    lines = [report.title, report.headline, "", *_table(report.fields)]
    for heading, chart in report.charts:
        lines.extend(["", heading, *(f"  {line}" for line in chart)])
    lines.extend(["", t(lang, "assumptions")])
    lines.extend(_table(report.assumptions))
    if report.similar:
        lines += ["", report.similar]
    return "\n".join([*lines, *_ending(report.notes, report.command, lang)])


def _comparison(comparison: "Comparison") -> str:
    lines = [comparison.title, comparison.headline]
    for heading, chart in comparison.charts:
        lines.extend(["", heading, *(f"  {line}" for line in chart)])
    lines.extend(["", comparison.rows_heading, *_table(comparison.rows)])
    return "\n".join([*lines, *_ending(comparison.notes, comparison.command, comparison.lang)])


def _ending(notes: list[str], command: str, lang: str) -> list[str]:
    """Notes, if any, then the command that reproduces the answer."""
    lines = ["", t(lang, "notes"), *(f"  - {note}" for note in notes)] if notes else []
    return [*lines, "", f"{t(lang, 'reproduce')}: {PREFIX}{command}"]
