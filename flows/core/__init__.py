"""Below every stage: settings, paths, frame schemas, runtime levers."""
