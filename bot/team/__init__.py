"""A workspace's defaults: what it may set, how they fill an estimate, and the set/settings/reset commands."""
