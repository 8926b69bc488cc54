"""Stage: dates_stage (being written)."""


def run(ctx) -> None:
    return None
