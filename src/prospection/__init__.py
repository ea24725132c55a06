"""Prospection: prospecting made bearable for the salesperson who has to call new clients."""

#: The same as pyproject.toml's (a test checks it). Written here rather than read with
#: importlib.metadata: that import (with the email package it pulls in) and the scan of
#: the installed distributions cost about a tenth of a second at every start.
__version__ = "0.1.0"

APP_NAME = "Prospection"
