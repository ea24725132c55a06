"""Prospection: prospecting made bearable for the salesperson who has to call new clients."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("prospection")
except PackageNotFoundError:  # frozen without metadata
    __version__ = "0.1.0"

APP_NAME = "Prospection"
