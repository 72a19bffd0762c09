"""Words in: the command grammar and the numbers people type, from text to a pydantic request. No Slack, web or store."""
