"""The Slack app, through its real HTTP server, signed requests and a local fake of Slack's Web API."""
