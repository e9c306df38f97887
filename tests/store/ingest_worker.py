"""Run `pantau ingest` in a child process for the kill -9 test.

usage: python ingest_worker.py DB CORPUS.jsonl BATCH_SIZE

The fake coder stands in for the pipeline. Between the table inserts of every commit the
worker prints `writing N` (N = articles committed before) and pauses, so that the parent
can kill it inside an open transaction; after every commit it prints `committed N`.
"""

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import pantau.store as store_pkg  # noqa: E402
import pantau.store.write as write  # noqa: E402
from fakes import fake_code  # noqa: E402
from pantau.cli_store import ingest  # noqa: E402

committed = 0
real_insert_values = write.insert_values
real_insert_articles = write.insert_articles


def slow_insert_values(con, table, rows):
    real_insert_values(con, table, rows)
    if table == "articles":  # the article rows are in, its events are not yet
        print(f"writing {committed}", flush=True)
        time.sleep(0.05)


def counting_insert_articles(con, batch):
    global committed
    real_insert_articles(con, batch)
    committed += len(batch)
    print(f"committed {committed}", flush=True)


def slow_code(doc):
    time.sleep(0.005)
    return fake_code(doc)


write.insert_values = slow_insert_values
import pantau.store.ingest as ingest_mod  # noqa: E402

ingest_mod.insert_articles = counting_insert_articles
store_pkg.default_coder = lambda: slow_code

db, corpus, batch = sys.argv[1:4]
ingest.main([corpus, "--db", db, "--batch-size", batch, "--no-progress"],
            standalone_mode=False)
print("done", flush=True)
