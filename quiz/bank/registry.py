"""All banks under the questions folder, loaded once and kept in memory.

``refresh()`` reloads a bank whose files changed (used in authoring mode on each
request). A bank whose new version has errors keeps serving its last good version and
keeps the errors, so authors see them without students losing the bank.
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from .load import LoadResult, bank_dirs, load_bank

log = logging.getLogger(__name__)


def _stamp(directory: Path) -> tuple:
    return tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in directory.rglob("*.y*ml")))


def _load_apart(directory: Path) -> LoadResult:
    """load_bank in a short-lived child process, which sends back the result. The parsers
    (yaml-rs alone maps 5 MB) and the garbage of parsing stay there, not in the server's
    workers, which live for days."""
    try:
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as pool:
            return pool.submit(load_bank, directory).result()
    except (BrokenProcessPool, OSError) as exc:  # no child to be had: read it here
        log.warning("bank %s read in process (%s)", directory.name, exc)
        return load_bank(directory)


class Registry:
    """``apart=True`` loads each bank in a child process (see _load_apart): for processes
    that serve requests and do not reload."""

    def __init__(self, root: Path, apart: bool = False):
        self.root = Path(root)
        self._load = _load_apart if apart else load_bank
        self._lock = threading.Lock()
        self.banks: dict = {}  # bank id → last good Bank
        self.results: dict[str, LoadResult] = {}  # bank id → latest load, with its issues
        self._stamps: dict[str, tuple] = {}
        self.refresh()

    def refresh(self) -> None:
        with self._lock:
            directories = {d.name: d for d in bank_dirs(self.root)}
            for gone in set(self.results) - set(directories):
                self.results.pop(gone)
                self.banks.pop(gone, None)
                self._stamps.pop(gone, None)
            for name, directory in directories.items():
                stamp = _stamp(directory)
                if self._stamps.get(name) == stamp:
                    continue
                self._stamps[name] = stamp
                result = self._load(directory)
                self.results[name] = result
                if result.bank is not None:
                    self.banks[name] = result.bank
                else:
                    for issue in result.errors:
                        log.error("bank %s not served: %s", name, issue.format())

    def get(self, bank_id: str):
        return self.banks.get(bank_id)

    def errors(self) -> list:
        """Errors of the latest load of every bank (what the authoring banner shows)."""
        return [issue for result in self.results.values() for issue in result.errors]
