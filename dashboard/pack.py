"""Chart packs: export charts from the same specification a permalink holds, with no browser
window, using the app's own export functions and image server.

    python -m dashboard.pack --view ranked --param indicator=gva_per_head_gbp \\
        --param level=ITL1 --param year=2021 --format png svg csv html --preset social --out DIR
    python -m dashboard.pack --permalink 'http://host:8501/?chart=ranked&...' --out DIR
    python -m dashboard.pack --view ranked --param level=ITL1 --param year=latest \\
        --for-each-indicator --out DIR          # every indicator, each at its latest year
    python -m dashboard.pack --view VIEW --param ... --for-each-area ITL1 --out DIR
    python -m dashboard.pack --spec charts.yml --out DIR

A spec file is a YAML list; each item holds ``view`` and ``params`` (or a ``permalink``) and may
set ``formats``, ``preset``, ``for_each_area`` (a level) and ``for_each_indicator`` (true).
``year: latest`` picks each indicator's latest published year at the item's level.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml
from streamlit.logger import set_log_level
from tqdm import tqdm

set_log_level("error")  # before dashboard.db, whose cached queries warn that no app is running

from dashboard import export, permalink, words  # noqa: E402
from dashboard.catalogue import indicators  # noqa: E402
from dashboard.db import query  # noqa: E402
from dashboard.permalink import Spec, SpecError  # noqa: E402
from etl.dimensions import REFERENCE_VINTAGE  # noqa: E402

LATEST = "latest"


@dataclass(frozen=True)
class Job:
    spec: Spec
    formats: tuple[str, ...]
    preset: export.Preset


def expand(spec: Spec, for_each_area: str | None = None, for_each_indicator: bool = False):
    """One specification per indicator and/or per area, with ``year=latest`` resolved.
    Combinations with no published year are returned as (spec, reason) skips."""
    specs = [spec]
    for flag, name in ((for_each_indicator, "indicator"), (for_each_area, "area")):
        if flag and not permalink.takes(spec.view, name):
            raise SpecError(
                f"view {spec.view!r} has no {name} parameter "
                f"(it takes {', '.join(permalink.arguments(spec.view))})"
            )
    if for_each_indicator:
        specs = [Spec(s.view, {**s.params, "indicator": i}) for s in specs for i in indicators()]
    if for_each_area:
        codes = query("areas_at_level", for_each_area, REFERENCE_VINTAGE)["geo_code"].tolist()
        if not codes:
            raise SpecError(f"no areas at level {for_each_area!r}")
        specs = [Spec(s.view, {**s.params, "area": code}) for s in specs for code in codes]
    resolved, skipped = [], []
    for s in specs:
        try:
            resolved.append(_resolve_latest(s))
        except SpecError as exc:
            skipped.append((s, str(exc)))
    return resolved, skipped


def _resolve_latest(spec: Spec) -> Spec:
    if spec.params.get("year") != LATEST:
        return spec
    indicator, level = spec.params.get("indicator"), spec.params.get("level")
    if not (indicator and level):
        raise SpecError("year=latest needs both indicator and level")
    periods = query("available_periods", indicator, level)["period"].tolist()
    if not periods:
        raise SpecError(f"{indicator} has no published value at level {level}")
    return Spec(spec.view, {**spec.params, "year": periods[-1]})


def _spec(item: dict) -> Spec:
    if "permalink" in item:
        return permalink.parse(item["permalink"])
    if "view" not in item:
        raise SpecError(f"a spec item needs `view` or `permalink`: {item}")
    return Spec(item["view"], {k: str(v) for k, v in (item.get("params") or {}).items()})


def jobs_from_items(items: list[dict], formats: tuple[str, ...], preset: str):
    """Jobs and skips for a list of items shaped like the spec file's."""
    jobs, skipped = [], []
    for item in items:
        specs, skips = expand(
            _spec(item), item.get("for_each_area"), bool(item.get("for_each_indicator"))
        )
        item_formats = tuple(item.get("formats") or formats)
        item_preset = export.PRESETS[item.get("preset") or preset]
        jobs += [Job(spec, item_formats, item_preset) for spec in specs]
        skipped += skips
    return jobs, skipped


def run(jobs: list[Job], out: Path, base_url: str = "", progress: bool = True):
    """Write every job's files into ``out``; returns (written paths, failures)."""
    out.mkdir(parents=True, exist_ok=True)
    written, failed = [], []
    bar = tqdm(total=sum(len(job.formats) for job in jobs), unit="file", disable=not progress)
    for job in jobs:
        try:
            view = permalink.build(job.spec)
        except (SpecError, KeyError, ValueError) as exc:
            failed.append((job.spec, f"{type(exc).__name__}: {exc}"))
            bar.update(len(job.formats))
            continue
        if view.data.empty:
            failed.append((job.spec, "no data for this selection"))
            bar.update(len(job.formats))
            continue
        link = permalink.url(job.spec, base_url)
        for fmt in job.formats:
            path = out / export.file_name(view, fmt, job.preset)
            bar.set_postfix_str(path.name, refresh=False)
            path.write_bytes(export.render(view, fmt, job.preset, link))
            written.append(path)
            bar.update()
    bar.close()
    return written, failed


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m dashboard.pack",
        description="Export charts (PNG, SVG, CSV, HTML) from view specifications or permalinks.",
    )
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--view", help="registered view name, e.g. ranked")
    source.add_argument("--permalink", help="a chart's permalink URL")
    source.add_argument("--spec", type=Path, help="YAML list of view specifications")
    parser.add_argument(
        "--param", action="append", default=[], metavar="NAME=VALUE", help="view parameter"
    )
    parser.add_argument("--format", nargs="+", default=["png"], choices=export.FORMATS)
    parser.add_argument("--preset", default="social", choices=sorted(export.PRESETS))
    parser.add_argument("--for-each-area", metavar="LEVEL", help="one chart per area of LEVEL")
    parser.add_argument("--for-each-indicator", action="store_true", help="one per indicator")
    parser.add_argument("--base-url", default="", help="the app's address, for links in exports")
    parser.add_argument("--out", type=Path, required=True, help="directory to write into")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.spec:
        items = yaml.safe_load(args.spec.read_text()) or []
        if not isinstance(items, list):
            sys.exit(f"{args.spec}: expected a YAML list of view specifications")
    else:
        item = {"permalink": args.permalink} if args.permalink else {"view": args.view}
        if args.param:
            pairs = [p.partition("=") for p in args.param]
            if any(not sep for _, sep, _ in pairs):
                sys.exit("--param takes NAME=VALUE")
            item["params"] = {name: value for name, _, value in pairs}
            if args.permalink:
                spec = permalink.parse(args.permalink)
                item = {"view": spec.view, "params": {**spec.params, **item["params"]}}
        item.update(for_each_area=args.for_each_area, for_each_indicator=args.for_each_indicator)
        items = [item]
    try:
        jobs, skipped = jobs_from_items(items, tuple(args.format), args.preset)
    except SpecError as exc:
        sys.exit(f"error: {exc}")
    needs_images = any(fmt in ("png", "svg") for job in jobs for fmt in job.formats)
    if needs_images and (reason := export.images_unavailable_reason()):
        sys.exit(f"error: {reason}")
    written, failed = run(jobs, args.out, args.base_url, progress=not args.quiet)
    for spec, reason in skipped + failed:
        print(f"skipped {permalink.url(spec)}: {reason}", file=sys.stderr)
    print(f"wrote {words.count(len(written), 'file')} to {args.out}")
    return 1 if failed or not written else 0


if __name__ == "__main__":
    sys.exit(main())
