"""``python -m programscore``: the same as the ``programscore`` command."""

from .cli import main

main()
