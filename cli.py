"""Run the CLI from a checkout without installing: python cli.py parse FILE."""

from drafting.cli import main

if __name__ == "__main__":
    main()
