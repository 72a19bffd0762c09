"""Our tables, as SQLAlchemy 2 typed declarative models. Alembic's revisions create and upgrade them;
bot.store.schema adds slack_sdk's OAuth tables to make the whole schema the revisions build."""

from datetime import UTC, datetime

from sqlalchemy import DateTime, Dialect, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

SLACK_ID_LENGTH = 32  # Slack ids (T…, E…, U…) are about 11 characters; room to spare


class UTCDateTime(TypeDecorator[datetime]):
    """A moment in UTC. SQLite keeps no time zone, so one read back is marked UTC again."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None or value.tzinfo is not None:
            return value
        return value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    pass


class TeamSetting(Base):
    """One default of one workspace: `gpu`, `currency`, `rate`, `mfu`, or `price:<gpu id>` (one row per GPU)."""

    __tablename__ = "team_setting"

    # '' rather than NULL when there is no enterprise: a key column cannot be NULL.
    enterprise_id: Mapped[str] = mapped_column(String(SLACK_ID_LENGTH), primary_key=True)
    team_id: Mapped[str] = mapped_column(String(SLACK_ID_LENGTH), primary_key=True)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    set_by: Mapped[str] = mapped_column(String(SLACK_ID_LENGTH))
    set_at: Mapped[datetime] = mapped_column(UTCDateTime())


class HandledEvent(Base):
    """An Events API event some process has answered: Slack's retry of it, landing on any process, is not."""

    __tablename__ = "handled_event"

    event_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    handled_at: Mapped[datetime] = mapped_column(UTCDateTime())
