"""Batch coding of a corpus with Dask, written as partitioned Parquet.

The corpus (JSONL files, WARC files, folders of text or HTML files) is cut into partitions:
runs of `partition_size` lines of a JSONL file (found by one pass over its line breaks, so
a large file is spread over many workers), one WARC file, or `partition_size` text/HTML
files. Each partition is coded on a worker, where the pipeline is loaded once, and written
as one Parquet file in each of

    DIR/articles/part-<key>.parquet   one row per coded article (with the JSON layers)
    DIR/events/part-<key>.parquet     one row per event: codes, dates, evidence, rule
    DIR/quotes/part-<key>.parquet     one row per quote: text, cue, speaker
    DIR/failures/part-<key>.parquet   one row per document that could not be coded
    DIR/manifest.json                 the finished partitions, with their counts

A partition's key hashes its file (path, size, modification time) and its range, so a
re-run skips what the manifest records as finished and re-codes a changed file. A bad
document becomes a `failures` row; a partition that fails as a whole (a worker lost, a file
gone) is left out of the manifest and tried again on the next run.

    >>> summary = code_corpus(["news.jsonl"], "out", workers=2)
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import time
import traceback
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from pantau._corpus_rows import TABLES, add_rows, remove_partition, write_partition
from pantau.document import CodedDocument
from pantau.errors import InputError, PantauError
from pantau.sources import (Record, is_feed, is_warc, list_folder, make_document, read_jsonl,
                            read_source)

MANIFEST = "manifest.json"
FORMAT = "pantau-batch/1"
DEFAULT_PARTITION_SIZE = 500
JSONL_SUFFIXES = (".jsonl", ".ndjson")


# -- partitions -----------------------------------------------------------------------

@dataclass(frozen=True)
class Partition:
    """One unit of work: a line range of a JSONL file, a WARC file, or a group of files."""

    key: str
    kind: str  # "jsonl", "warc", "files"
    paths: tuple[str, ...]
    start: int = 0  # jsonl: byte offset of the first line
    stop: int = 0  # jsonl: byte offset after the last line
    first_line: int = 1  # jsonl: number of the first line

    @property
    def label(self) -> str:
        if self.kind == "jsonl":
            return f"{self.paths[0]}@{self.first_line}"
        return self.paths[0] if len(self.paths) == 1 else f"{self.paths[0]} (+{len(self.paths) - 1})"


def file_signature(path: Path) -> str:
    stat = path.stat()
    return f"{path}|{stat.st_size}|{stat.st_mtime_ns}"


def make_key(*parts: object) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


def plan_partitions(inputs: Iterable[str | os.PathLike], partition_size: int) -> list[Partition]:
    """Partitions of every input, in input order; folders are read recursively."""
    if partition_size < 1:
        raise InputError("--partition-size must be at least 1")
    parts: list[Partition] = []
    loose: list[Path] = []
    for path in expand_inputs(inputs):
        name = str(path).lower()
        if name.endswith(JSONL_SUFFIXES):
            parts.extend(plan_jsonl(path, partition_size))
        elif is_warc(name):
            parts.append(Partition(make_key("warc", file_signature(path)), "warc", (str(path),)))
        else:
            loose.append(path)
    for i in range(0, len(loose), partition_size):
        group = loose[i:i + partition_size]
        key = make_key("files", *(file_signature(p) for p in group))
        parts.append(Partition(key, "files", tuple(str(p) for p in group)))
    return parts


def expand_inputs(inputs: Iterable[str | os.PathLike]) -> list[Path]:
    """Absolute paths (workers elsewhere see the same shared files) of every input file."""
    found = []
    for item in inputs:
        path = Path(item).absolute()
        if path.is_dir():
            found.extend(list_folder(path))
        elif path.is_file():
            found.append(path)
        else:
            raise InputError(f"no such file or folder: {item}")
    return found


def plan_jsonl(path: Path, size: int) -> list[Partition]:
    """Runs of `size` lines, by byte offsets found in one pass over the file."""
    signature = file_signature(path)
    parts, start, pos, first, line = [], 0, 0, 1, 0
    with path.open("rb") as handle:
        for raw in handle:
            pos += len(raw)
            line += 1
            if line - first + 1 == size:
                parts.append(_jsonl_part(path, signature, start, pos, first))
                start, first = pos, line + 1
    if pos > start:
        parts.append(_jsonl_part(path, signature, start, pos, first))
    return parts


def _jsonl_part(path: Path, signature: str, start: int, stop: int, first: int) -> Partition:
    return Partition(make_key("jsonl", signature, start, stop), "jsonl", (str(path),),
                     start, stop, first)


# -- reading and coding one partition (on a worker) ------------------------------------

def read_partition(part: Partition) -> Iterator[Record]:
    if part.kind == "jsonl":
        yield from read_jsonl_range(part)
        return
    for path in part.paths:
        if is_feed(path):
            yield Record(path, error="a feed is not coded by batch: use `pantau ingest` for feeds")
        else:
            yield from read_source(path)


def read_jsonl_range(part: Partition) -> Iterator[Record]:
    """The records of a JSONL partition, with their line numbers in the whole file."""
    name = part.paths[0]
    with open(name, "rb") as handle:
        handle.seek(part.start)
        lines = _lines_until(handle, part.stop - part.start)
        for record in read_jsonl(lines, name):
            number = int(record.origin.rsplit(":", 1)[1])  # counted from the range's start
            record.origin = f"{name}:{part.first_line + number - 1}"
            yield record


def _lines_until(handle, budget: int) -> Iterator[bytes]:
    while budget > 0:
        line = handle.readline()
        if not line:
            return
        budget -= len(line)
        yield line


def code_partition(part: Partition, output: str) -> dict:
    """Code one partition and write its Parquet files; returns its counts."""
    from pantau.pipeline import load_pipeline

    started = time.perf_counter()
    pipeline = load_pipeline()
    rows: dict[str, list[dict]] = {t: [] for t in TABLES}
    sentences = 0
    for record in read_partition(part):
        doc = code_record(pipeline, record, part, rows["failures"])
        if doc is not None:
            add_rows(rows, doc, record, part)
            sentences += len(doc.sentences)
    write_partition(Path(output), part.key, rows)
    counts = {t: len(rows[t]) for t in TABLES}
    return {"key": part.key, "label": part.label, "sentences": sentences, **counts,
            "seconds": round(time.perf_counter() - started, 3), "worker": os.getpid()}


def code_record(pipeline, record: Record, part: Partition, failures: list[dict]):
    """The coded document, or None after adding a failure row that says why."""
    def fail(stage: str, reason: str, excerpt: str | None = None) -> None:
        failures.append({"origin": record.origin, "stage": stage, "reason": reason,
                         "excerpt": excerpt, "partition": part.key})

    if record.error is not None or record.data is None:
        fail("read", record.error or "empty record")
        return None
    try:
        doc = make_document(record.data)
    except InputError as exc:
        fail("read", str(exc), repr(record.data)[:300])
        return None
    try:
        return pipeline(doc)
    except PantauError as exc:
        fail("code", str(exc), doc.text[:300])
    except Exception as exc:  # a bug must not sink the batch: record where, and go on
        fail("code", f"internal error {type(exc).__name__}: {exc} ({where(exc)})", doc.text[:300])
    return None


def where(exc: BaseException) -> str:
    """`module.py:line` of the innermost frame inside pantau, for failure reports."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "pantau" in f.filename]
    frame = (frames or traceback.extract_tb(exc.__traceback__) or [None])[-1]
    if frame is None:
        return "no traceback"
    parts = Path(frame.filename).parts
    tail = parts[parts.index("pantau") + 1:] if "pantau" in parts else parts[-1:]
    return f"{'/'.join(tail)}:{frame.lineno}"


# -- flat rows and Parquet tables -------------------------------------------------------

# -- the manifest (kept by the client only) ---------------------------------------------

@dataclass
class Manifest:
    path: Path
    partition_size: int
    partitions: dict[str, dict] = field(default_factory=dict)
    failed: dict[str, dict] = field(default_factory=dict)

    @classmethod
    def open(cls, output: Path, partition_size: int) -> "Manifest":
        path = output / MANIFEST
        if not path.exists():
            return cls(path, partition_size)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except ValueError as exc:
            raise InputError(f"{path} is not valid JSON ({exc}): move it away to start over") from exc
        if data.get("partition_size") != partition_size:
            raise InputError(f"{output} was written with --partition-size "
                             f"{data.get('partition_size')}: use the same size, or a new folder")
        return cls(path, partition_size, data.get("partitions", {}), {})

    def drop_stale(self, plan: list[Partition]) -> int:
        """Forget (and delete) finished partitions of a planned file that has changed."""
        planned = {p.key for p in plan}
        sources = {path for p in plan for path in p.paths}
        stale = [k for k, v in self.partitions.items()
                 if k not in planned and set(v.get("paths", ())) & sources]
        for key in stale:
            remove_partition(self.path.parent, key)
            del self.partitions[key]
        return len(stale)

    def finish(self, part: Partition, counts: dict) -> None:
        entry = {k: v for k, v in counts.items() if k not in ("key", "worker")}
        entry.update(kind=part.kind, paths=list(part.paths),
                     finished=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"))
        if part.kind == "jsonl":
            entry.update(first_line=part.first_line, start=part.start, stop=part.stop)
        self.partitions[part.key] = entry
        self.failed.pop(part.key, None)

    def fail(self, part: Partition, reason: str) -> None:
        self.failed[part.key] = {"label": part.label, "reason": reason}

    def totals(self) -> dict:
        keys = ("articles", "sentences", "events", "quotes", "failures")
        return {k: sum(p.get(k, 0) for p in self.partitions.values()) for k in keys}

    def save(self) -> None:
        data = {"format": FORMAT, "partition_size": self.partition_size,
                "updated": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                "totals": self.totals(), "failed_partitions": self.failed,
                "partitions": self.partitions}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".json.tmp")
        temporary.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, self.path)


# -- running a batch (the client) ------------------------------------------------------

@dataclass
class BatchSummary:
    partitions: int = 0
    skipped: int = 0  # finished on an earlier run
    coded: int = 0
    failed: int = 0  # partitions that failed as a whole (tried again on the next run)
    articles: int = 0
    sentences: int = 0
    events: int = 0
    quotes: int = 0
    failures: int = 0  # documents that could not be coded (see DIR/failures/)
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    def add(self, counts: dict) -> None:
        self.coded += 1
        for key in ("articles", "sentences", "events", "quotes", "failures"):
            setattr(self, key, getattr(self, key) + counts[key])

    def to_dict(self) -> dict:
        return asdict(self)


def code_corpus(inputs: Iterable[str | os.PathLike], output: str | os.PathLike, *,
                workers: int | None = None, scheduler: str | None = None, client=None,
                partition_size: int = DEFAULT_PARTITION_SIZE,
                progress: Callable[[BatchSummary, dict], None] | None = None) -> BatchSummary:
    """Code every input into Parquet under `output`, skipping finished partitions.

    Runs on `client` (a `distributed.Client`) when given, else on the Dask scheduler at
    `scheduler`, else on a local cluster of `workers` processes (`os.cpu_count()` when
    None); `workers=0` codes in this process, without Dask.
    """
    started = time.perf_counter()
    output = Path(output)
    plan = plan_partitions(inputs, partition_size)
    manifest = Manifest.open(output, partition_size)
    manifest.drop_stale(plan)
    todo = [p for p in plan if p.key not in manifest.partitions]
    summary = BatchSummary(partitions=len(plan), skipped=len(plan) - len(todo))
    results = iter(())
    if todo and client is not None:
        results = run_on_client(client, todo, output)
    elif todo and (scheduler or workers != 0):
        results = run_on_cluster(todo, output, workers, scheduler)
    elif todo:
        results = run_inline(todo, output)
    for part, counts in results:
        if isinstance(counts, dict):
            manifest.finish(part, counts)
            summary.add(counts)
        else:
            manifest.fail(part, counts)
            summary.failed += 1
            summary.errors.append(f"{part.label}: {counts}")
        manifest.save()
        summary.seconds = time.perf_counter() - started
        if progress:
            progress(summary, counts if isinstance(counts, dict) else {})
    manifest.save()
    summary.seconds = time.perf_counter() - started
    return summary


def run_inline(todo: list[Partition], output: Path) -> Iterator[tuple[Partition, dict | str]]:
    for part in todo:
        try:
            yield part, code_partition(part, str(output))
        except Exception as exc:  # one partition must not sink the run: it is tried again
            yield part, f"{type(exc).__name__}: {exc}"


def run_on_cluster(todo: list[Partition], output: Path, workers: int | None,
                   scheduler: str | None) -> Iterator[tuple[Partition, dict | str]]:
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield from run_on_client(client, todo, output)
        return
    n = workers or os.cpu_count() or 1
    with LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        yield from run_on_client(client, todo, output)


def run_on_client(client, todo: list[Partition], output: Path) -> Iterator[tuple[Partition, dict | str]]:
    """Submit every partition; yield each as it finishes (or fails), in finishing order."""
    from distributed import as_completed

    client.register_plugin(pipeline_plugin(), name="pantau-pipeline")
    keys = [f"pantau-code-{p.key}" for p in todo]
    futures = client.map(code_partition, todo, output=str(output.resolve()), key=keys,
                         retries=1)
    by_key = {f.key: p for f, p in zip(futures, todo)}
    for future in as_completed(futures):
        part = by_key[future.key]
        try:
            yield part, future.result()
        except Exception as exc:  # a lost worker or an unreadable file: record, go on
            yield part, f"{type(exc).__name__}: {exc}"
        future.release()


def pipeline_plugin():
    """A Dask worker plugin that builds the pipeline (and loads the packs) at start-up."""
    from distributed import WorkerPlugin

    class PipelineLoader(WorkerPlugin):
        idempotent = True

        def setup(self, worker=None) -> None:
            warm_pipeline()

    return PipelineLoader()


def warm_pipeline() -> None:
    """Build this process's pipeline and load both language packs."""
    from pantau.pipeline import load_pipeline

    pipeline = load_pipeline()
    pipeline(CodedDocument(text="Warm-up.", lang="en"))
    pipeline(CodedDocument(text="Pemanasan.", lang="id"))


# -- reading the output back -------------------------------------------------------------

def read_documents(output: str | os.PathLike) -> Iterator[CodedDocument]:
    """The coded documents of a batch output folder, from its `articles` Parquet files."""
    import pyarrow.parquet as pq

    for path in sorted((Path(output) / "articles").glob("part-*.parquet")):
        table = pq.read_table(path, columns=["text", "layers"])
        for text, layers in zip(table.column("text").to_pylist(), table.column("layers").to_pylist()):
            yield CodedDocument.from_dict({**json.loads(layers), "text": text})


def load_store(output: str | os.PathLike, store, *, batch_size: int = 64):
    """Store the coded documents of a batch output folder without coding them again
    (the same as `pantau ingest OUTPUT`)."""
    return store.ingest([output], batch_size=batch_size)
