"""The import wizard (file, format, mapping, preview, import), undo of imports, export."""
