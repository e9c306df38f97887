"""pantau's benchmark suite: one command, one table.

    python benchmarks/run.py            # full: 10,000 articles (~210,000 sentences), 10M events
    python benchmarks/run.py --quick    # a small version, under a minute
    python benchmarks/run.py --quick --no-dask --json figures.json

It builds a deterministic corpus in Indonesian and English (`make_corpus.py`), then measures:

- `pantau code` end to end in one process (one core): read JSONL, build documents, run
  every stage, serialise JSON; sentences/s and articles/s overall and per stage; peak RSS
  of that process (a fresh one, so nothing else is counted);
- the ratio of the whole pipeline's time to a bare tokenisation pass over the same texts
  (`pantau.pipeline.segment.tokenize`, no stemming);
- ingest into a DuckDB store (`Store.ingest`): end to end, and the store alone (documents
  coded beforehand);
- the dyad series (`Store.dyad`) on a store holding N synthetic events, inserted with SQL;
- Dask scaling: the same sub-corpus with `pantau.corpus.code_corpus` on 1 and 2 local
  worker processes (cluster start-up not counted).

Figures are printed, never asserted; targets from issue 8 are shown next to them.
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import json
import multiprocessing
import os
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_corpus import write_corpus  # noqa: E402

FULL = {"articles": 10_000, "ingest": 1_000, "events": 10_000_000, "dask": 1_200,
        "partition": 50}
QUICK = {"articles": 300, "ingest": 100, "events": 200_000, "dask": 160, "partition": 20}
DYAD = ("RUS", "USA")


# -- the pipeline, in a fresh process -----------------------------------------------------

def measure_pipeline(corpus: str) -> dict:
    """`pantau code` over the corpus with every stage timed; run in a child process."""
    from pantau.corpus import warm_pipeline
    from pantau.pipeline import load_pipeline
    from pantau.sources import make_document, read_source

    started = time.perf_counter()
    warm_pipeline()
    load_seconds = time.perf_counter() - started
    pipeline = load_pipeline()
    stages = {stage.name: 0.0 for stage in pipeline.stages}
    totals = {"articles": 0, "sentences": 0, "tokens": 0, "events": 0, "quotes": 0,
              "failed": 0, "read": 0.0, "write": 0.0}
    clock = time.perf_counter
    begin = t0 = clock()
    for record in read_source(corpus):
        doc = make_document(record.data)
        t1 = clock()
        totals["read"] += t1 - t0
        for stage in pipeline.stages:  # what Pipeline.__call__ does, with a clock
            doc = stage(doc)
            doc.done.update(stage.assigns)
            t2 = clock()
            stages[stage.name] += t2 - t1
            t1 = t2
        line = json.dumps(doc.to_dict(), ensure_ascii=False)
        t0 = clock()
        totals["write"] += t0 - t1
        totals["articles"] += 1
        totals["sentences"] += len(doc.sentences)
        totals["tokens"] += len(doc.tokens)
        totals["events"] += len(doc.events)
        totals["quotes"] += len(doc.quotes)
        del line
    totals["seconds"] = clock() - begin
    totals["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    totals["load_seconds"] = load_seconds
    totals["stages"] = stages
    totals["tokenize_seconds"] = measure_tokenize(corpus)
    return totals


def measure_tokenize(corpus: str) -> float:
    """A bare tokenisation pass over the same texts: one span per text, no stems."""
    from pantau.document import Sentence
    from pantau.pipeline.segment import tokenize

    texts = [json.loads(line)["text"] for line in open(corpus, encoding="utf-8")]
    started = time.perf_counter()
    for text in texts:
        tokenize(text, [Sentence(0, len(text))])
    return time.perf_counter() - started


# -- ingest, in a fresh process -----------------------------------------------------------

def measure_ingest(corpus: str, folder: str) -> dict:
    from pantau.corpus import warm_pipeline
    from pantau.pipeline import load_pipeline
    from pantau.store import Store

    warm_pipeline()
    pipeline = load_pipeline()
    coded = {}

    def keep(doc):
        coded[doc.url] = pipeline(doc)
        return coded[doc.url]

    out = {}
    with Store(Path(folder) / "e2e.duckdb") as store:
        started = time.perf_counter()
        summary = store.ingest([corpus], coder=keep)
        out["e2e_seconds"] = time.perf_counter() - started
        out["articles"] = summary.new
    with Store(Path(folder) / "store.duckdb") as store:
        started = time.perf_counter()
        store.ingest([corpus], coder=lambda doc: coded[doc.url])
        out["store_seconds"] = time.perf_counter() - started
        started = time.perf_counter()
        again = store.ingest([corpus], coder=lambda doc: coded[doc.url])
        out["reingest_seconds"] = time.perf_counter() - started
        out["reingest_stored"] = again.stored
    return out


# -- the dyad series over N synthetic events ------------------------------------------------

CODES = ["RUSGOV", "USAGOV", "RUS", "USA", "CHNGOV", "IDNGOV", "TURGOV", "UKRGOV", "RUSMIL",
         "USAMIL", "GBRGOV", "FRAGOV", "DEUGOV", "JPNGOV", "PRKGOV", "KORGOV", "IRNGOV",
         "ISRGOV", "PSEREB", "IGOUNO", "IGOEUREEC", "INDGOV", "PAKGOV", "MYSGOV"]
CAMEOS = [("036", "03", 1, 4.0, "CONSULT"), ("111", "11", 3, -2.0, "ACCUSE"),
          ("114", "11", 3, -2.0, "ACCUSE"), ("163", "16", 4, -8.0, "SANCTION"),
          ("042", "04", 1, 1.9, "CONSULT"), ("057", "05", 2, 8.0, "AGREE"),
          ("190", "19", 4, -10.0, "ASSAULT"), ("051", "05", 1, 3.4, "COOPERATE"),
          ("130", "13", 3, -4.4, "THREATEN"), ("161", "16", 4, -4.0, "REJECT")]

ARTICLES_SQL = """
INSERT INTO articles (id, url, source, lang, published, day, text, content_hash, story_id,
                      tone, ingested)
SELECT 'a' || i, 'https://s' || (i % 50) || '.example/' || i, 's' || (i % 50) || '.example',
       CASE WHEN i % 2 = 0 THEN 'id' ELSE 'en' END,
       strftime(DATE '2015-01-01' + (i % 3650)::INTEGER, '%Y-%m-%d'),
       DATE '2015-01-01' + (i % 3650)::INTEGER, 'synthetic article ' || i, md5(i::VARCHAR),
       'a' || (i - i % 3), (hash(i) % 200)::DOUBLE / 20 - 5, TIMESTAMP '2025-01-01'
FROM range(?) t(i)
"""

EVENTS_SQL = """
INSERT INTO events (article_id, idx, group_key, source_code, target_code, cameo, root, quad,
                    goldstein, plover, day, negated, modality, counted, sentence,
                    evidence_verb, evidence_start, evidence_end, rule)
SELECT 'a' || (i // 10), (i % 10)::INTEGER,
       md5(day::VARCHAR || src || tgt || cm.cameo), src, tgt, cm.cameo, cm.root, cm.quad,
       cm.goldstein, cm.plover, day, false, 'asserted', true, (i % 10)::INTEGER,
       'synthetic verb', 0, 14, 'bench.' || cm.cameo
FROM (SELECT i,
             list_extract(?::VARCHAR[], (hash(i) % ?)::INTEGER + 1) AS src,
             list_extract(?::VARCHAR[], (hash(i * 7 + 3) % ?)::INTEGER + 1) AS tgt,
             (hash(i * 13 + 5) % ?)::INTEGER AS c,
             DATE '2015-01-01' + ((i // 10) % 3650)::INTEGER AS day
      FROM range(?) t(i)) e
JOIN (SELECT unnest(?::VARCHAR[]) AS cameo, unnest(?::VARCHAR[]) AS root,
             unnest(?::INTEGER[]) AS quad, unnest(?::DOUBLE[]) AS goldstein,
             unnest(?::VARCHAR[]) AS plover, unnest(range(?)) AS c) cm USING (c)
"""


def measure_dyad(folder: str, events: int) -> dict:
    from pantau.store import Store

    path = Path(folder) / "dyad.duckdb"
    started = time.perf_counter()
    with Store(path) as store:
        store.con.execute(ARTICLES_SQL, [events // 10])
        n = len(CODES)
        cols = list(zip(*CAMEOS))
        store.con.execute(EVENTS_SQL, [CODES, n, CODES, n, len(CAMEOS), events, list(cols[0]),
                                       list(cols[1]), list(cols[2]), list(cols[3]),
                                       list(cols[4]), len(CAMEOS)])
        stored = store.con.execute("SELECT count(*) FROM events").fetchone()[0]
    insert_seconds = time.perf_counter() - started
    times, rows = {}, 0
    with Store(path, read_only=True) as store:
        for by in ("month", "week"):
            runs = []
            for _ in range(3):
                started = time.perf_counter()
                rows = len(store.dyad(*DYAD, by=by))
                runs.append(time.perf_counter() - started)
            times[by] = runs
    return {"events": stored, "insert_seconds": insert_seconds, "times": times, "rows": rows}


# -- Dask scaling -----------------------------------------------------------------------------

def measure_dask(corpus: str, folder: str, partition: int) -> dict:
    from distributed import Client, LocalCluster

    from pantau.corpus import code_corpus, pipeline_plugin

    out = {}
    for workers in (1, 2):
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster) as client:
            client.register_plugin(pipeline_plugin(), name="pantau-pipeline")
            started = time.perf_counter()
            summary = code_corpus([corpus], Path(folder) / f"dask{workers}", client=client,
                                  partition_size=partition)
            out[workers] = {"seconds": time.perf_counter() - started,
                            "sentences": summary.sentences, "articles": summary.articles}
    return out


# -- the table ----------------------------------------------------------------------------------

def rate(n: float, seconds: float) -> float:
    return n / seconds if seconds > 0 else float("nan")


def build_rows(code: dict, ingest: dict | None, dyad: dict | None, dask: dict | None) -> list:
    """(metric, value, unit, target, ok) rows; ok is None when there is no target."""
    rows = []
    sec, sents, arts = code["seconds"], code["sentences"], code["articles"]
    per_core = rate(sents, sec)
    rows.append(("corpus", f"{arts:,} articles / {sents:,} sentences / {code['tokens']:,} tokens", "", "", None))
    rows.append(("pipeline load (both packs)", f"{code['load_seconds']:.2f}", "s", "", None))
    rows.append(("pantau code, end to end", f"{per_core:,.0f}", "sentences/s/core", ">= 2,000",
                 per_core >= 2000))
    rows.append(("pantau code, end to end", f"{rate(arts, sec):,.1f}", "articles/s/core", "", None))
    for name in ("read", *code["stages"], "write"):
        seconds = code["stages"].get(name, code.get(name))
        rows.append((f"  stage {name}", f"{rate(sents, seconds):,.0f}",
                     f"sentences/s ({100 * seconds / sec:4.1f}% of time, {rate(arts, seconds):,.0f} art/s)",
                     "", None))
    rows.append(("peak RSS (coding process)", f"{code['peak_rss_mb']:.0f}", "MB", "<= 400",
                 code["peak_rss_mb"] <= 400))
    rows.append(("pipeline / bare tokenize", f"{sec / code['tokenize_seconds']:.1f}", "x",
                 "", None))
    if ingest:
        n = ingest["articles"]
        rows.append(("ingest, end to end", f"{rate(n, ingest['e2e_seconds']):,.1f}",
                     "articles/s", "", None))
        store_rate = rate(n, ingest["store_seconds"])
        rows.append(("ingest, store alone", f"{store_rate:,.1f}", "articles/s", ">= 200",
                     store_rate >= 200))
        rows.append(("re-ingest (no-op)", f"{rate(n, ingest['reingest_seconds']):,.1f}",
                     "articles/s", "", None))
    if dyad:
        best = min(dyad["times"]["month"])
        rows.append((f"dyad {DYAD[0]}-{DYAD[1]} by month, {dyad['events']:,} events",
                     f"{best:.3f}", f"s (first {dyad['times']['month'][0]:.3f})", "<= 0.5",
                     best <= 0.5))
        rows.append((f"dyad by week", f"{min(dyad['times']['week']):.3f}", "s", "", None))
        rows.append(("synthetic events insert", f"{dyad['insert_seconds']:.1f}", "s", "", None))
    if dask:
        one, two = dask[1]["seconds"], dask[2]["seconds"]
        rows.append(("dask 1 worker", f"{rate(dask[1]['sentences'], one):,.0f}", "sentences/s",
                     "", None))
        rows.append(("dask 2 workers", f"{rate(dask[2]['sentences'], two):,.0f}", "sentences/s",
                     "", None))
        rows.append(("dask speed-up 1 -> 2 workers", f"{one / two:.2f}", "x", ">= 1.7",
                     one / two >= 1.7))
    return rows


def print_table(rows: list, machine: str) -> None:
    print(f"pantau benchmark on {machine}")
    width = max(len(r[0]) for r in rows)
    print(f"{'metric':<{width}}  {'value':>12}  {'target':>9}  ok   unit")
    print("-" * (width + 60))
    for metric, value, unit, target, ok in rows:
        mark = "" if ok is None else ("yes" if ok else "NO")
        if metric == "corpus":
            print(f"{metric:<{width}}  {value}")
            continue
        print(f"{metric:<{width}}  {value:>12}  {target:>9}  {mark:<3}  {unit}")


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="A small run (under a minute).")
    parser.add_argument("--no-dask", action="store_true", help="Skip the Dask scaling run.")
    parser.add_argument("--articles", type=int, help="Corpus size (articles).")
    parser.add_argument("--events", type=int, help="Synthetic events for the dyad query.")
    parser.add_argument("--json", metavar="PATH", help="Also write the raw figures here.")
    args = parser.parse_args(argv)
    size = dict(QUICK if args.quick else FULL)
    size["articles"] = args.articles or size["articles"]
    size["events"] = args.events or size["events"]
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    spawn = multiprocessing.get_context("spawn")
    with tempfile.TemporaryDirectory(prefix="pantau-bench-") as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        write_corpus(corpus, size["articles"])
        lines = corpus.read_text(encoding="utf-8").splitlines(keepends=True)
        subsets = {}
        for name in ("ingest", "dask"):
            subsets[name] = Path(tmp) / f"{name}.jsonl"
            subsets[name].write_text("".join(lines[:size[name]]), encoding="utf-8")
        with cf.ProcessPoolExecutor(1, mp_context=spawn) as pool:
            code = pool.submit(measure_pipeline, str(corpus)).result()
        with cf.ProcessPoolExecutor(1, mp_context=spawn) as pool:
            ingest = pool.submit(measure_ingest, str(subsets["ingest"]), tmp).result()
        with cf.ProcessPoolExecutor(1, mp_context=spawn) as pool:
            dyad = pool.submit(measure_dyad, tmp, size["events"]).result()
        dask = None if args.no_dask else measure_dask(str(subsets["dask"]), tmp,
                                                       size["partition"])
    figures = {"machine": machine, "size": size, "code": code, "ingest": ingest, "dyad": dyad,
               "dask": dask}
    print_table(build_rows(code, ingest, dyad, dask), machine)
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1), encoding="utf-8")
    return figures


if __name__ == "__main__":
    main()
