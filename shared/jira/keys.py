"""The shape of an issue key, in a module light enough for the HTTP faces to import at start-up."""

import re

KEY_PATTERN = re.compile(r"^[A-Z][A-Z0-9_]+-[1-9][0-9]*$")
