"""Stage: triggers (being written)."""


def run(ctx) -> None:
    return None
