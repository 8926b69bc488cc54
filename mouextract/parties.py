"""Stage: parties (being written)."""


def run(ctx) -> None:
    return None
