"""The former name of `build_booklet_downloads`, kept for the deploys and timers that run
it: it makes every missing download, the EPUB included."""

from .build_booklet_downloads import Command  # noqa: F401
