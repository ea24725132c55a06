"""The weekly-goal panel, its targets editor, the planner dialog and the insights window."""
