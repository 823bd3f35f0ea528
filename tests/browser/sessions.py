"""Concurrent browser sessions against one dashboard server, shared by the concurrency test and
bench/concurrency_bench.py. Each session opens pages as a reader would and times each chart."""

from __future__ import annotations

import asyncio
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from playwright.async_api import async_playwright

CHART = ".js-plotly-plot"
EXCEPTION = '[data-testid="stException"]'
BUILD_ID = re.compile(r"Warehouse build ([0-9a-f]{12})")
# Console messages that are harmless here: the closed network refuses external requests.
HARMLESS_CONSOLE = ("net::ERR_", "Failed to load resource")


@dataclass
class SessionLog:
    timings_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    build_ids: list[str] = field(default_factory=list)


async def _visit(page, url: str, expect_text: str | None, log: SessionLog) -> None:
    start = time.perf_counter()
    await page.goto(url)
    await page.wait_for_selector(CHART, timeout=60_000)
    if expect_text:
        await page.get_by_text(expect_text).first.wait_for(timeout=60_000)
    log.timings_ms.append(1000 * (time.perf_counter() - start))
    if await page.locator(EXCEPTION).count():
        log.errors.append(f"exception box at {url}")
    match = BUILD_ID.search(await page.locator("section[data-testid='stSidebar']").inner_text())
    if match:
        log.build_ids.append(match.group(1))


async def _session(
    browser,
    base: str,
    years: list[str],
    rounds: int,
    log: SessionLog,
    keep_going: asyncio.Event | None,
) -> None:
    context = await browser.new_context(viewport={"width": 1280, "height": 1800})
    page = await context.new_page()
    page.on(
        "console",
        lambda m: (
            log.errors.append(f"console: {m.text}")
            if m.type == "error" and not m.text.startswith(HARMLESS_CONSOLE)
            else None
        ),
    )
    try:
        done = 0
        while done < rounds or (keep_going is not None and keep_going.is_set()):
            year = years[done % len(years)]
            await _visit(page, f"{base}/?year={year}", f"in {year}", log)
            done += 1
        if keep_going is not None:  # one more visit after the swap: it must see the new build
            await _visit(page, f"{base}/?year={years[0]}", f"in {years[0]}", log)
    except Exception as exc:  # a failed session is a result, not a crash of the harness
        log.errors.append(f"{type(exc).__name__}: {exc}")
    finally:
        await context.close()


async def run_sessions(
    base: str,
    chromium: str,
    args: list[str],
    sessions: int,
    rounds: int,
    years: list[str],
    during=None,
) -> list[SessionLog]:
    """Run ``sessions`` concurrent readers for ``rounds`` visits each. If ``during`` is an async
    callable, sessions keep visiting until it returns (e.g. while a refresh swaps the warehouse)."""
    logs = [SessionLog() for _ in range(sessions)]
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=chromium, args=args)
        keep_going = asyncio.Event() if during else None
        if keep_going:
            keep_going.set()
        tasks = [
            asyncio.create_task(_session(browser, base, years, rounds, log, keep_going))
            for log in logs
        ]
        if during:
            await during()
            keep_going.clear()
        await asyncio.gather(*tasks)
        await browser.close()
    return logs


def rss_mb(pid: int) -> float:
    """Resident memory of a process, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]
