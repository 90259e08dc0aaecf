"""`vocabsphere lexicon build|info`: the offline dictionary file."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from vocabsphere.config import Settings

log = logging.getLogger(__name__)


def lexicon_path(settings: Settings, override: str | None) -> Path:
    return Path(override) if override else settings.lexicon_file


def cmd_build(args: argparse.Namespace, settings: Settings) -> int:
    from vocabsphere.core.lexicon import build_lexicon
    from vocabsphere.core.lexicon.freshness import is_fresh, mark_fresh

    path = lexicon_path(settings, args.path)
    if not args.force and is_fresh(path):
        print(f"lexicon {path} is up to date (sources unchanged); use --force to rebuild")
        return 0
    path.parent.mkdir(parents=True, exist_ok=True)
    languages = [x for x in args.languages.split(",") if x] or None
    print(f"building the lexicon into {path} (a few minutes the first time) ...", flush=True)
    report = build_lexicon(path, languages=languages, uk_ipa=not args.no_uk)
    mark_fresh(path)
    print(
        f"built {report.path} in {report.seconds:.0f} s, {report.size_bytes / 1e6:.1f} MB, "
        f"version {report.lexicon_version}, languages: {', '.join(report.languages) or 'none'}"
    )
    for note in report.skipped:
        print(f"  skipped: {note}")
    return 0


def cmd_info(args: argparse.Namespace, settings: Settings) -> int:
    from vocabsphere.core.lexicon import Lexicon

    lexicon = Lexicon.open(lexicon_path(settings, args.path))
    print(f"lexicon version {lexicon.lexicon_version()}")
    for language in lexicon.languages():
        print(
            f"  {language.code}\t{language.name}\t{language.entries} entries\t{', '.join(language.sources)}"
        )
    for source in lexicon.sources():
        print(f"  source: {source.name} {source.version or ''} ({source.license})")
    return 0


def cmd_import(args: argparse.Namespace, settings: Settings) -> int:
    from vocabsphere.core.lexicon.packs import import_pack

    path = lexicon_path(settings, args.path)
    if not path.exists():
        print(f"error: no lexicon at {path}; run `vocabsphere lexicon build` first")
        return 1
    for pack in args.packs:
        report = import_pack(path, Path(pack), lang=args.lang, source_name=args.name, license=args.license)
        counts = ", ".join(f"{c.lang}: +{c.added}" for c in report.languages) or "nothing new"
        print(f"{report.pack} ({report.format}): {counts}; lexicon version {report.lexicon_version}")
    print("restart the server (and workers) so they reopen the lexicon")
    return 0


def add_lexicon_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    lexicon = sub.add_parser("lexicon", help="the offline dictionary").add_subparsers(
        dest="lexicon_command", required=True
    )
    build = lexicon.add_parser("build", help="build (or refresh) the lexicon from installed sources")
    build.add_argument("--path", help="lexicon file (default DATA_DIR/lexicon.sqlite3)")
    build.add_argument("--languages", default="", help="comma list of ISO 639-1 codes (default: all)")
    build.add_argument("--no-uk", action="store_true", help="skip UK IPA from espeak-ng (faster)")
    build.add_argument("--force", action="store_true", help="rebuild even when the sources are unchanged")
    build.set_defaults(handler=cmd_build)
    imp = lexicon.add_parser(
        "import", help="merge dictionary packs: WikDict .sqlite3, StarDict, dictd, kaikki.org JSONL, TSV"
    )
    imp.add_argument("packs", nargs="+", metavar="FILE")
    imp.add_argument("--lang", help="ISO 639-1 code of the pack's language (when the file does not say)")
    imp.add_argument("--name", help="source name to record (default: the file name)")
    imp.add_argument("--license", help="the pack's license, recorded with the source")
    imp.add_argument("--path", help="lexicon file (default DATA_DIR/lexicon.sqlite3)")
    imp.set_defaults(handler=cmd_import)
    info = lexicon.add_parser("info", help="languages and sources in the built lexicon")
    info.add_argument("--path")
    info.set_defaults(handler=cmd_info)
