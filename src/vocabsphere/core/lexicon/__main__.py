"""Build the lexicon file: ``python -m vocabsphere.core.lexicon OUT [--languages de,es]``."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from .builder import build_lexicon


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the offline lexicon (SQLite).")
    parser.add_argument("out", type=Path, help="lexicon file to write (replaced atomically)")
    parser.add_argument("--sources-root", type=Path, default=Path("/usr/share"))
    parser.add_argument("--languages", default="", help="comma list of ISO 639-1 codes")
    parser.add_argument("--no-uk", action="store_true", help="skip espeak-ng UK IPA")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    report = build_lexicon(
        args.out,
        sources_root=args.sources_root,
        languages=[x for x in args.languages.split(",") if x] or None,
        uk_ipa=not args.no_uk,
    )
    print(
        f"built {report.path} in {report.seconds:.1f} s, {report.size_bytes / 1e6:.1f} MB, "
        f"version {report.lexicon_version}, languages {','.join(report.languages)}"
    )
    for note in report.skipped:
        print(f"skipped: {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
