"""Entry script of the frozen app: `prospection` as the installed command runs it."""

import sys

from prospection.selftest import FLAG

# The self-test is dispatched here too, so that it works in a frozen build even if the
# application's own start-up is what is broken.
if FLAG in sys.argv[1:]:
    from prospection.selftest import main
else:
    from prospection.app import main

raise SystemExit(main())
