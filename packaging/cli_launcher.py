"""Entry script of the frozen `prospection-cli`: the same `main` as the installed command."""

from prospection.upgrade_guard import install_when_frozen

# Before anything else: an upgrade while running must not mix two versions' modules.
install_when_frozen()

from prospection.cli.main import main  # noqa: E402

raise SystemExit(main())
