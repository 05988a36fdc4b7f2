"""A batch run: which units are out of date, one derivation per variant, the per-unit step in a process pool,
atomic writes, the manifest, then the optional PDFs (one LibreOffice process) and zip.

A unit that fails is recorded with its error and the run goes on; a run killed at any moment leaves only whole
files (each is written to a temporary name and renamed) and the next run redoes what the manifest does not
vouch for.
"""

from __future__ import annotations

import concurrent.futures as futures
import hashlib
import multiprocessing
import os
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from drafting.api import load_plan
from drafting.batch import manifest
from drafting.batch.errors import BatchInputError, BatchUsageError, words
from drafting.batch.filenames import draft_name, slug
from drafting.batch.manifest import Entry, entry_for
from drafting.batch.skeleton import (
    Row,
    Settings,
    Skeleton,
    Variant,
    build_skeleton,
    draft_docx,
    left_to_fill,
    unit_todo,
    variant_of,
)
from drafting.errors import DraftingError
from drafting.model import Plan
from drafting.units import Unit

TEMP_PREFIX = ".batch-"
CHUNK = 24  # units per task: large enough that pickling the skeleton is noise, small enough to balance two cores
SAVE_EVERY = 2.0  # seconds between manifest saves during a run, so a killed run resumes where it was


@dataclass
class Request:
    parent: Path
    units: list[Unit]
    out: Path
    settings: Settings = field(default_factory=Settings)
    rows: dict[Unit, Row] = field(default_factory=dict)
    force: bool = False
    jobs: int = 0  # 0: one per core; 1: in this process (no pool)
    make_zip: bool = False
    pdf: bool = False
    parent_plan: Plan | None = None  # already parsed (to read the sheet's columns): not parsed twice


@dataclass
class Result:
    entries: list[Entry]
    seconds: float
    todo: dict[str, list[str]] = field(default_factory=dict)  # kind → the derivation's list for the clerk
    manifest_csv: Path | None = None
    manifest_json: Path | None = None
    zip_path: Path | None = None
    pdf_seconds: float | None = None
    pdf_count: int = 0
    pdf_failed: list[str] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(entry.status == status for entry in self.entries)


Progress = Callable[[int, int, int], None]  # done, failed, total


# --- files ------------------------------------------------------------------------------------------------------


def write_atomically(target: Path, data: bytes) -> None:
    """Written to a temporary name in the same folder, then renamed: a reader sees the old file or the new one."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=".part", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(name, 0o644)  # mkstemp makes it private; a draft is an ordinary file
        os.replace(name, target)
    finally:
        if os.path.exists(name):
            os.unlink(name)


def prepare_folder(out: Path) -> None:
    """The output folder exists and can be written, and no temporary file of a killed run is left in it."""
    if out.exists() and not out.is_dir():
        raise BatchUsageError("output_not_folder", path=str(out))
    try:
        out.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=out)
        os.close(handle)
        os.unlink(name)
    except OSError as error:
        raise BatchInputError("output_unwritable", path=str(out), detail=error.strerror or type(error).__name__) \
            from error
    for stale in out.rglob(f"{TEMP_PREFIX}*"):
        stale.unlink(missing_ok=True)


# --- the pool's work ----------------------------------------------------------------------------------------------

Task = tuple[Unit, Row | None, str, str]  # unit, its row, its file, its input hash


def _skeleton_task(parent: Plan, variant: Variant, settings: Settings) -> Skeleton | str:
    """A skeleton, or the error that kept it from being built (its units then fail with it)."""
    try:
        return build_skeleton(parent, variant, settings)
    except DraftingError:
        raise  # the parent itself is unusable: said once, for the whole run
    except Exception as error:  # noqa: BLE001 - one variant's failure is its units' error, not the run's
        return f"{type(error).__name__}: {error}"


def draft_chunk(skeleton: Skeleton, tasks: list[Task], out: Path, settings: Settings) -> list[Entry]:
    """The per-unit step over a chunk of units of one variant: each written atomically, each failure its own."""
    entries = []
    for unit, row, file, input_hash in tasks:
        try:
            data = draft_docx(skeleton, unit, row, settings)
            write_atomically(out / file, data)
            entries.append(entry_for(unit, file, "drafted", left=left_to_fill(skeleton, row, settings),
                                     input_hash=input_hash, sha256=hashlib.sha256(data).hexdigest()))
        except Exception as error:  # noqa: BLE001 - one failing unit never stops the others
            entries.append(entry_for(unit, file, "failed", error=f"{type(error).__name__}: {error}",
                                     input_hash=input_hash))
    return entries


def _failed_chunk(tasks: list[Task], error: str) -> list[Entry]:
    return [entry_for(unit, file, "failed", error=error, input_hash=input_hash) for unit, _, file, input_hash in tasks]


def _pool(jobs: int) -> futures.Executor:
    """fork where it is safe (one thread): the workers inherit the loaded toolkit and start at once."""
    methods = multiprocessing.get_all_start_methods()
    method = "fork" if "fork" in methods and threading.active_count() == 1 else "spawn"
    return futures.ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context(method))


class _InProcess(futures.Executor):
    """jobs=1: the same code path without a pool (tests, a one-core machine)."""

    def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def,override]
        future: futures.Future = futures.Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as error:  # noqa: BLE001 - handed to the caller through the future, as a pool does
            future.set_exception(error)
        return future


# --- the run ------------------------------------------------------------------------------------------------------


def run(request: Request, progress: Progress | None = None) -> Result:
    started = time.perf_counter()
    out = request.out
    prepare_folder(out)
    fingerprint = manifest.run_fingerprint(request.parent, request.settings)
    previous = manifest.load(out)
    nested = len({unit.province for unit in request.units}) > 1
    entries: dict[Unit, Entry] = {}
    todo: list[Task] = []
    for unit in request.units:
        row = request.rows.get(unit)
        file = row.file if row and row.file else draft_name(unit, nested)
        input_hash = manifest.unit_hash(fingerprint, unit, row, file)
        old = previous.get(unit.code)
        if not request.force and manifest.is_up_to_date(old, input_hash, out, request.pdf) and old is not None:
            old.status = "up_to_date"
            entries[unit] = old
        else:
            todo.append((unit, row, file, input_hash))
    result = Result([], 0.0)
    if todo:
        parent = request.parent_plan or load_plan(request.parent)  # parsed once for every unit
        _draft_all(parent, todo, request, entries, result, progress)
    result.entries = [entries[unit] for unit in request.units]
    kept = [entry for code, entry in previous.items() if code not in {unit.code for unit in request.units}]
    result.manifest_csv, result.manifest_json = _save(out, result.entries + kept)
    if request.pdf:
        _pdfs(request, result)
        _save(out, result.entries + kept)
    if request.make_zip:
        result.zip_path = _zip(request, result)
    result.seconds = time.perf_counter() - started
    return result


def _draft_all(parent: Plan, todo: list[Task], request: Request, entries: dict[Unit, Entry], result: Result,
               progress: Progress | None) -> None:
    settings = request.settings
    groups: dict[Variant, list[Task]] = {}
    for task in todo:
        groups.setdefault(variant_of(task[0], task[1], settings, parent.meta.issuer), []).append(task)
    jobs = request.jobs or os.cpu_count() or 1
    executor: futures.Executor = _InProcess() if jobs == 1 else _pool(jobs)
    failed = 0
    with executor:
        built = {variant: executor.submit(_skeleton_task, parent, variant, settings) for variant in groups}
        pending = []
        for variant, tasks in groups.items():
            skeleton = built[variant].result()  # a DraftingError (the parent is no plan) stops the run here
            if isinstance(skeleton, str):
                for task in tasks:
                    entries[task[0]] = _failed_chunk([task], skeleton)[0]
                failed += len(tasks)
                continue
            result.todo.setdefault(variant.kind, unit_todo(skeleton, tasks[0][0]))
            for start in range(0, len(tasks), CHUNK):
                chunk = tasks[start : start + CHUNK]
                future = executor.submit(draft_chunk, skeleton, chunk, request.out, settings)
                pending.append((future, chunk))
        done = len(todo) - sum(len(chunk) for _, chunk in pending)
        last_save = time.monotonic()
        by_future = dict(pending)
        for future in futures.as_completed(by_future):
            chunk = by_future[future]
            try:
                chunk_entries = future.result()
            except Exception as error:  # noqa: BLE001 - a worker that died takes only its chunk down
                chunk_entries = _failed_chunk(chunk, f"{type(error).__name__}: {error}")
            for entry, task in zip(chunk_entries, chunk, strict=True):
                entries[task[0]] = entry
            failed += sum(entry.status == "failed" for entry in chunk_entries)
            done += len(chunk)
            if progress:
                progress(done, failed, len(todo))
            if time.monotonic() - last_save > SAVE_EVERY:  # what is done so far is vouched for if the run is killed
                _save(request.out, [entries[unit] for unit in request.units if unit in entries])
                last_save = time.monotonic()


def _save(out: Path, entries: list[Entry]) -> tuple[Path, Path]:
    csv_bytes, json_bytes = manifest.render(entries)
    write_atomically(out / manifest.MANIFEST_JSON, json_bytes)
    write_atomically(out / manifest.MANIFEST_CSV, csv_bytes)
    return out / manifest.MANIFEST_CSV, out / manifest.MANIFEST_JSON


def _pdfs(request: Request, result: Result) -> None:
    """Every draft without an up-to-date PDF, converted in one LibreOffice process. Each is staged under a
    unique short name (two provinces may each have a "xa-tan-thanh"), then moved next to its DOCX atomically."""
    from drafting.office import convert_many

    out = request.out
    wanted = [entry for entry in result.entries
              if entry.status == "drafted" or (entry.status == "up_to_date" and not (out / entry.pdf).is_file())]
    wanted = [entry for entry in wanted if entry.status != "failed" and entry.file]
    if not wanted:
        return
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="drafting-batch-pdf-") as folder:
        staged = []
        for index, entry in enumerate(wanted):
            link = Path(folder) / "in" / f"{index:05d}.docx"
            link.parent.mkdir(exist_ok=True)
            try:
                os.link(out / entry.file, link)
            except OSError:  # another file system: a copy
                link.write_bytes((out / entry.file).read_bytes())
            staged.append(link)
        produced = {path.stem for path in convert_many(staged, "pdf", Path(folder) / "pdf")}
        for index, entry in enumerate(wanted):
            if f"{index:05d}" in produced:
                pdf = str(Path(entry.file).with_suffix(".pdf"))
                write_atomically(out / pdf, (Path(folder) / "pdf" / f"{index:05d}.pdf").read_bytes())
                entry.pdf = pdf
            else:
                result.pdf_failed.append(entry.file)
    result.pdf_seconds = time.perf_counter() - started
    result.pdf_count = len(wanted) - len(result.pdf_failed)


def zip_name(units: list[Unit]) -> str:
    provinces = {unit.province_full for unit in units}
    return f"ke-hoach-{slug(provinces.pop())}.zip" if len(provinces) == 1 else "ke-hoach-cac-don-vi.zip"


def _zip(request: Request, result: Result) -> Path:
    """One archive to hand on: every draft (and PDF) of the run, and the manifest; built under a temporary name in
    the folder and renamed, never held in memory whole."""
    target = request.out / zip_name(request.units)
    handle, name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=".part", dir=request.out)
    os.close(handle)
    try:
        with zipfile.ZipFile(name, "w", zipfile.ZIP_STORED) as archive:  # DOCX and PDF are compressed already
            for entry in result.entries:
                for part in (entry.file, entry.pdf):
                    if part and entry.status != "failed" and (request.out / part).is_file():
                        archive.write(request.out / part, part)
            for part in (manifest.MANIFEST_CSV, manifest.MANIFEST_JSON):
                archive.write(request.out / part, part)
        os.chmod(name, 0o644)
        os.replace(name, target)
    finally:
        if os.path.exists(name):
            os.unlink(name)
    return target


def summary_words() -> dict[str, str]:
    return words()["summary"]  # type: ignore[no-any-return]
