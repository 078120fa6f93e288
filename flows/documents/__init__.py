"""Stage 1, reading documents: files, pages, feeds -> one `documents` row per file."""
