"""The whole schema Alembic's revisions build: our models, and the installation and OAuth state tables of
slack_sdk's SQLAlchemy stores (multi-workspace install) as slack_sdk itself declares them.

Only Alembic and the migration test import this: revision 0003 creates a frozen copy of slack_sdk's tables, and
comparing it with these lets the test catch a slack_sdk that changed them. A web process never needs it.
"""

from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy import MetaData

from bot.store.models import Base

SCHEMA: MetaData = Base.metadata
SQLAlchemyInstallationStore.build_installations_table(
    SCHEMA, SQLAlchemyInstallationStore.default_installations_table_name
)
SQLAlchemyInstallationStore.build_bots_table(SCHEMA, SQLAlchemyInstallationStore.default_bots_table_name)
SQLAlchemyOAuthStateStore.build_oauth_states_table(SCHEMA, SQLAlchemyOAuthStateStore.default_table_name)
