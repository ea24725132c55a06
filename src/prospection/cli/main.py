"""Entry point of prospection-cli: argparse, one module per capability."""

from __future__ import annotations

import argparse
import contextlib
import logging
import sys
from collections.abc import Callable, Sequence
from types import ModuleType

from prospection import __version__, paths
from prospection.cli import (
    backup,
    calls,
    goals,
    maintenance,
    privacy,
    prospects,
    team,
    transfer,
)
from prospection.cli.common import DATABASE_OPTION, EXIT_FAILURE, USER_OPTION, UserError
from prospection.core.errors import PROBLEM_TEXT, ReadOnlyDataError, classify_problem
from prospection.core.team import TeamError
from prospection.logs import configure_logging

#: Modules that add subcommands: each has `register(subparsers)`, and each subcommand
#: sets `handler` (a function of the parsed arguments returning an exit code).
COMMAND_MODULES: list[ModuleType] = [
    maintenance,
    prospects,
    goals,
    calls,
    backup,
    privacy,
    transfer,
    team,
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="prospection-cli",
        description="Prospection from the command line: the same data and rules as the app.",
    )
    parser.add_argument("--version", action="version", version=f"prospection {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="data folder to use (default: $PROSPECTION_DATA_DIR, else the user's data folder)",
    )
    parser.add_argument(
        "--database",
        metavar="URL",
        help="a team server, postgresql+psycopg://user@host/database (default: "
        "$PROSPECTION_DATABASE_URL, else the saved team server, else the local file); "
        "the password comes from the system keyring",
    )
    parser.add_argument(
        "--user",
        dest="as_user",
        metavar="NAME",
        help="on a team server, who you are: a user's email or name (default: the one "
        "saved by team join --user; a new name is added as a user)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in COMMAND_MODULES:
        module.register(subparsers)
    return parser


def _start_logging(data_dir: str | None) -> None:
    """Log to the data folder's log file; a folder that cannot be written is no reason to fail."""
    with contextlib.suppress(OSError):
        configure_logging(paths.resolve(data_dir).log_dir)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    _start_logging(args.data_dir)
    DATABASE_OPTION.set(args.database)
    USER_OPTION.set(args.as_user)
    try:
        return handler(args)
    except UserError as error:
        print(f"prospection-cli: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("prospection-cli: interrupted", file=sys.stderr)
        return EXIT_FAILURE
    except OSError as error:
        print(f"prospection-cli: {error.strerror or error}", file=sys.stderr)
        return EXIT_FAILURE
    except TeamError as error:  # the server's address, login or state: its own words
        print(f"prospection-cli: {error}", file=sys.stderr)
        return EXIT_FAILURE
    except ReadOnlyDataError as error:  # the owner's chmod a-w: their words, not a fault
        print(f"prospection-cli: {error}", file=sys.stderr)
        return EXIT_FAILURE
    except Exception as error:
        # A storage problem (full disk, read-only folder, damaged file) is the user's to
        # act on: the same message as the app, no traceback. Anything else is a bug.
        problem = classify_problem(error)
        if problem is None:
            raise
        logging.getLogger("prospection.cli").warning("%s: %s", problem.value, error)
        print(f"prospection-cli: {PROBLEM_TEXT[problem]}", file=sys.stderr)
        return EXIT_FAILURE


if __name__ == "__main__":
    raise SystemExit(main())
