"""Stage 3, resolution: mentions from many documents -> people, events, sanctions, links, evidence, ids."""
