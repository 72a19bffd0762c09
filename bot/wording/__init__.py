"""Words out: results, listings and errors worded per language (message codes in locales/), numbers per locale."""
