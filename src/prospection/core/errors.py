"""Errors the storage layer raises for conditions a user must be told about."""

from __future__ import annotations


class StorageError(Exception):
    """A problem with the data file that the user can act on; the message says how."""


class NewerDatabaseError(StorageError):
    """The file was written by a newer Prospection; it is left untouched."""


class DamagedDatabaseError(StorageError):
    """The file is not a readable Prospection database; it is left untouched."""


class DataFolderError(StorageError):
    """The data folder cannot be created or written."""
