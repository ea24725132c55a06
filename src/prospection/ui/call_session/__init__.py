"""The call session: start dialog, the session itself, summary, history and talk tracks."""
