"""prospection-cli: the app's services from the command line, for scripts and automation."""
