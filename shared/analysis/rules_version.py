"""The version of the hand-written rules.

It is part of every fingerprint (a new reading re-judges tickets) and the learned layer's weights
name the version they were trained on; kept apart so both can read it without importing each
other.
"""

RULES_VERSION = "rules-2026.12.48"
