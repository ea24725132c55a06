"""The prospect editor shown beside the table: fields, contacts and the activity timeline."""
