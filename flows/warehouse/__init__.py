"""Stage 4, the warehouse: schema, load, run history, validation, search, lake, reports, dashboard."""
