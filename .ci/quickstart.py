"""Print the commands of the README's quick start, one a line (what .ci/run executes).

CI runs exactly what a newcomer copies from the README, so the two cannot drift apart.
"""
from __future__ import annotations

import sys
from pathlib import Path


def quickstart_commands(readme: str) -> list[str]:
    """The lines of the first fenced block under the '## Quick start' heading."""
    lines = readme.splitlines()
    start = lines.index("## Quick start")
    fence = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("```"))
    end = next(i for i in range(fence + 1, len(lines)) if lines[i].startswith("```"))
    return [line for line in lines[fence + 1:end] if line.strip()]


if __name__ == "__main__":
    print("\n".join(quickstart_commands(Path(sys.argv[1]).read_text(encoding="utf-8"))))
