"""Allow ``python -m barraiser``."""

from barraiser.cli import main

if __name__ == "__main__":
    main()
