"""Entry script of the frozen app: the same `main` as the installed `prospection` command."""

from prospection.upgrade_guard import install_when_frozen

# Before anything else: an upgrade while running must not mix two versions' modules.
install_when_frozen()

from prospection.app import main  # noqa: E402

raise SystemExit(main())
