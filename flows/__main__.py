from eventpipe.flows.cli import main

if __name__ == "__main__":  # Dask worker processes import the main module again
    raise SystemExit(main())
