"""Everything that talks: grammar, wording, the terminal and Slack front ends."""
