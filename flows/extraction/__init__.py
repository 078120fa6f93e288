"""Stage 2, extraction: documents -> sentences and mentions (names, events, sanctions, places, dates)."""
