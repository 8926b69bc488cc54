"""Stage: people (being written)."""


def run(ctx) -> None:
    return None
