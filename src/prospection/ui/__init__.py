"""Qt user interface of Prospection. Widgets receive the services they need."""
