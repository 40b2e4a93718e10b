"""`python -m thanklint` runs the command line."""

from .cli import entry

entry()
