"""What the settings store keys on and hands back: plain records, free of SQLAlchemy, for the layers above."""

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Team:
    """Whose settings: a workspace, within its Enterprise Grid organisation when it has one ('' when not)."""

    team_id: str
    enterprise_id: str = ""


@dataclass(frozen=True)
class Setting:
    """One stored default: `gpu`, `currency`, `rate`, `mfu` or `price:<gpu id>`, as text, with who set it and when."""

    key: str
    value: str
    set_by: str
    set_at: datetime
