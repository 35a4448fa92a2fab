"""Single source of truth for every table and frame: columns, dtypes, keys, meanings."""
