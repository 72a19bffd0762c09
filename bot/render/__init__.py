"""Lay worded replies out: plain text for a terminal, Block Kit for Slack, text charts, mrkdwn escaping. No I/O."""
