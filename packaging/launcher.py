"""Entry script of the frozen app: the same `main` as the installed `prospection` command."""

from prospection.app import main

raise SystemExit(main())
