"""One message catalog per language; English is complete, every other language must match its codes."""
