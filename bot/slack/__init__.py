"""Slack: the Bolt app, its listeners (one module per feature), the services they share, who is asking."""
