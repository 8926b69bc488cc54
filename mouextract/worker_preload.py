"""Imported once by the fork server that starts map_extract's workers (parallel.py): builds
the pipeline and warms it (rules, gazetteer, date parser; the NER model stays lazy: few
articles need it), so every worker forked from the server starts ready, and the start-up of a
`--jobs N` run is paid once, not N + 1 times.

Only the fork server imports this module; it is no API.
"""
import signal

from .parallel import warm_up

# The workers inherit this: Ctrl-C is the parent's to handle (it reports what was written),
# and a worker interrupted before its own set-up would print a traceback.
signal.signal(signal.SIGINT, signal.SIG_IGN)
# warm_up freezes what it built (gc.freeze): what is built now stays unchanged in the workers,
# and keeping the collector off it keeps the memory pages shared with the server instead of
# copied into each worker.
warm_up(fast=False)
