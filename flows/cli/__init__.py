"""Stage 6, the `dossier` command line."""
