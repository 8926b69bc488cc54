"""Stage: assemble (being written)."""


def run(ctx) -> None:
    return None
