"""Slack listeners, one module per feature, each with `register(app)`: slash_command, mentions, share, menus, form,
home, and errors (the apology for anything unexpected)."""
