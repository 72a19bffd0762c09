"""Slack listeners, one module per feature, each with `register(app)`: slash_command, mentions, direct_messages, share, menus, form,
home, and errors (the apology for anything unexpected)."""
