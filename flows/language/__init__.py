"""Words and dates: lexicons, gazetteers, date expressions, the rules as data."""
