"""Stage: scope (being written)."""


def run(ctx) -> None:
    return None
