"""slack_installations, slack_bots, slack_oauth_states: slack_sdk's stores for the multi-workspace install

A frozen copy of the tables slack_sdk 3.48's SQLAlchemy installation and state stores build (bot.store.schema
declares them from slack_sdk itself, so the migration test notices when a newer slack_sdk changes them).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _workspace_columns() -> list[sa.Column]:
    """The columns slack_bots and slack_installations share, in slack_sdk's order."""
    return [
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("client_id", sa.String(length=32), nullable=False),
        sa.Column("app_id", sa.String(length=32), nullable=False),
        sa.Column("enterprise_id", sa.String(length=32)),
        sa.Column("enterprise_name", sa.String(length=200)),
    ]


def _bot_columns() -> list[sa.Column]:
    return [
        sa.Column("team_id", sa.String(length=32)),
        sa.Column("team_name", sa.String(length=200)),
        sa.Column("bot_token", sa.String(length=200)),
        sa.Column("bot_id", sa.String(length=32)),
        sa.Column("bot_user_id", sa.String(length=32)),
        sa.Column("bot_scopes", sa.String(length=1000)),
        sa.Column("bot_refresh_token", sa.String(length=200)),
        sa.Column("bot_token_expires_at", sa.DateTime()),
    ]


def upgrade() -> None:
    op.create_table(
        "slack_installations",
        *_workspace_columns(),
        sa.Column("enterprise_url", sa.String(length=200)),
        *_bot_columns(),
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("user_token", sa.String(length=200)),
        sa.Column("user_scopes", sa.String(length=1000)),
        sa.Column("user_refresh_token", sa.String(length=200)),
        sa.Column("user_token_expires_at", sa.DateTime()),
        sa.Column("incoming_webhook_url", sa.String(length=200)),
        sa.Column("incoming_webhook_channel", sa.String(length=200)),
        sa.Column("incoming_webhook_channel_id", sa.String(length=200)),
        sa.Column("incoming_webhook_configuration_url", sa.String(length=200)),
        sa.Column("is_enterprise_install", sa.Boolean(), nullable=False),
        sa.Column("token_type", sa.String(length=32)),
        sa.Column("installed_at", sa.DateTime(), nullable=False),
    )
    op.create_index(
        "slack_installations_idx",
        "slack_installations",
        ["client_id", "enterprise_id", "team_id", "user_id", "installed_at"],
    )
    op.create_table(
        "slack_bots",
        *_workspace_columns(),
        *_bot_columns(),
        sa.Column("is_enterprise_install", sa.Boolean(), nullable=False),
        sa.Column("installed_at", sa.DateTime(), nullable=False),
    )
    op.create_index("slack_bots_idx", "slack_bots", ["client_id", "enterprise_id", "team_id", "installed_at"])
    op.create_table(
        "slack_oauth_states",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("state", sa.String(length=200), nullable=False),
        sa.Column("expire_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("slack_oauth_states")
    op.drop_table("slack_bots")
    op.drop_table("slack_installations")
