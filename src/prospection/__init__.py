"""Prospection: prospecting made bearable for the salesperson who has to call new clients."""

#: The project's one version: pyproject.toml declares it dynamic and hatch reads it here
#: (so do packaging/app_metadata.py and the release workflow). Not read back with
#: importlib.metadata: that import (with the email package it pulls in) and the scan of
#: the installed distributions cost about a tenth of a second at every start.
__version__ = "0.1.0"

APP_NAME = "Prospection"
