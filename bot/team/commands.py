"""A workspace's defaults in use: `set`, `settings` and `reset`, and estimates that apply what the team set.

The Slack layer calls these with the team and user ids of the payload; nothing typed can name another team.

When the store is unavailable (bot.store.interface.StoreUnavailable) an estimate is still answered, at the catalog's
defaults and saying so in one line; `settings` says the defaults cannot be shown now; `set` and `reset` are refused
with nothing written. This is the one place that turns the store's outage into words.
"""

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from bot.answer import Answer, read, reply_for
from bot.render.escape import mention, without_marks
from bot.store.interface import SettingsStore, StoreUnavailable
from bot.team.defaults import SETTABLE, TeamDefaults, apply_defaults, split_key
from bot.team.records import Setting, Team
from bot.text.grammar import Estimate, Rent, ResetDefault, SetDefault, ShowSettings, TeamCommand
from bot.wording.i18n import plural, t
from bot.wording.report import Failure, Listing, Report
from calc.command import format_percent


@dataclass(frozen=True)
class Asker:
    """Who typed the command. `is_admin` is awaited only for a change: it costs a users.info call."""

    user: str
    is_admin: Callable[[], Awaitable[bool]]
    admins: Sequence[str] = ()  # the user ids in LLMCOST_ADMINS, named in a refusal


async def reply_with_defaults(
    text: str,
    today: date,
    lang: str,
    team: Team,
    store: SettingsStore,
    asker: Asker | None = None,
    free_text: bool = True,
) -> Answer:
    """`bot.answer.reply_to`, with the team's defaults filled into estimates, and team commands answered
    for `asker` (without one they get reply_to's answer: there is nobody to record as having set them)."""
    understood = read(text, lang, free_text)
    command, lang = understood.command, understood.lang
    if isinstance(command, Failure):
        return command
    if isinstance(command, TeamCommand) and asker is not None:
        # Reading needs no rights, so only a change costs the Web API call.
        is_admin = False if isinstance(command, ShowSettings) else await asker.is_admin()
        try:
            return await handle_team_command(command, team, asker.user, is_admin, store, lang, asker.admins)
        except StoreUnavailable:
            return _unavailable(command, text, lang)
    # A rental across GPUs names its own: like a comparison, it takes no team defaults.
    if isinstance(command, Estimate) or (isinstance(command, Rent) and not command.compare):
        try:
            settings = await store.get_all(team)
        except StoreUnavailable:
            return understood.answer(at_catalog_defaults(reply_for(command, today, lang), lang))
        if settings:  # a workspace that set nothing (most of them) has no defaults to build and apply
            filled = apply_defaults(command.request, TeamDefaults.from_settings(settings), lang)
            if filled is not command.request:
                command = command.model_copy(update={"request": filled})
    return understood.answer(reply_for(command, today, lang))


def at_catalog_defaults(answer: Answer, lang: str) -> Answer:
    """An estimate made without the team's defaults, because they could not be read: one line says so, first among
    its notes (a failure's message ends with it), so a price or GPU other than the team's is never a silent switch."""
    line = t(lang, "team_defaults_unavailable")
    if isinstance(answer, Failure):
        return replace(answer, message=f"{answer.message} {line}")
    if isinstance(answer, Report):
        return replace(answer, notes=[line, *answer.notes])
    if isinstance(answer, Listing):  # a rental
        return replace(answer, sections=[("", [line]), *answer.sections])
    return answer


def _unavailable(command: TeamCommand, text: str, lang: str) -> Listing | Failure:
    """`settings` cannot be shown right now (a listing, so the Home tab shows it where the defaults go); a change is
    refused with nothing written, and the words to send again once the database is back."""
    if isinstance(command, ShowSettings):
        return Listing(title=t(lang, "settings_title"), sections=[("", [t(lang, "settings_unavailable")])], lang=lang)
    code = "set_unavailable" if isinstance(command, SetDefault) else "reset_unavailable"
    return Failure(message=t(lang, code), example=" ".join(without_marks(text).split()), lang=lang)


async def handle_team_command(
    command: TeamCommand,
    team: Team,
    user: str,
    is_admin: bool,
    store: SettingsStore,
    lang: str,
    admins: Sequence[str] = (),
) -> Listing | Failure:
    """Anyone may see the settings; only an admin may change them, and a refusal writes nothing."""
    if isinstance(command, ShowSettings):
        return settings_listing(await store.get_all(team), lang)
    if not is_admin:
        named = f" ({', '.join(mention(admin) for admin in admins)})" if admins else ""
        return Failure(message=t(lang, "not_admin", named=named), example="settings", lang=lang)
    if isinstance(command, SetDefault):
        saved = await store.set(team, command.key, command.value, user)
        return Listing(
            title=t(lang, "setting_saved", name=_name(saved.key, lang), value=_value(saved, lang)), lang=lang
        )
    return await _reset(command, team, store, lang)


async def _reset(command: ResetDefault, team: Team, store: SettingsStore, lang: str) -> Listing:
    removed = await store.reset(team, command.key)
    if command.key is None:
        title = plural(lang, "settings_removed_all", removed, count=removed)
    else:
        title = t(lang, "setting_removed" if removed else "setting_was_not_set", name=_name(command.key, lang))
    return Listing(title=title, lang=lang)


def settings_listing(settings: Sequence[Setting], lang: str) -> Listing:
    """Each setting with its value, who set it and when; then how to change them."""
    lines = [
        t(
            lang,
            "setting_line",
            name=_name(setting.key, lang),
            value=_value(setting, lang),
            user=mention(setting.set_by),
            date=f"{setting.set_at:%Y-%m-%d %H:%M} UTC",
        )
        for setting in settings
    ]
    return Listing(
        title=t(lang, "settings_title"),
        sections=[("", lines or [t(lang, "settings_none")]), ("", [t(lang, "settings_footer")])],
        lang=lang,
    )


def _name(key: str, lang: str) -> str:
    field, gpu_id = split_key(key)
    if field not in SETTABLE:  # written by another release: shown as stored until a plain `reset` removes it
        return key
    return t(lang, f"setting_name_{field}", gpu=gpu_id)


def _value(setting: Setting, lang: str) -> str:
    field, _ = split_key(setting.key)
    if field == "price":
        return t(lang, "setting_value_price", price=setting.value)
    if field == "rate":
        return t(lang, "setting_value_rate", rate=setting.value)
    if field == "mfu":
        return format_percent(float(setting.value))
    return setting.value
