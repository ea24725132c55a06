"""`python -m prospection` starts the desktop application."""

from prospection.app import main

raise SystemExit(main())
