"""`pantau batch`: code a corpus with Dask into partitioned Parquet (a wrapper over
`pantau.corpus.code_corpus`). Dask is imported only when the command runs."""

from __future__ import annotations

import sys

import click


@click.command("batch")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--output", "-o", required=True, type=click.Path(file_okay=False),
              help="Folder for articles/, events/, quotes/, failures/ and manifest.json.")
@click.option("--workers", "-w", type=click.IntRange(min=0),
              help="Local worker processes (default: one per core; 0 = this process, no Dask).")
@click.option("--scheduler", metavar="ADDRESS",
              help="Run on an existing Dask cluster, e.g. tcp://host:8786.")
@click.option("--partition-size", type=click.IntRange(min=1), default=500, show_default=True,
              help="JSONL lines (or text/HTML files) per partition; keep it across re-runs.")
@click.option("--quiet", "-q", is_flag=True, help="No progress lines.")
def batch_command(inputs, output, workers, scheduler, partition_size, quiet) -> None:
    """Code a corpus (JSONL, WARC, folders of text or HTML) into Parquet with Dask.

    Each partition is coded on a worker and written under OUTPUT as articles/, events/,
    quotes/ and failures/ Parquet files; manifest.json records the finished partitions, so
    running the same command again skips them and codes only what is left. A document
    that cannot be coded is a row in failures/, never the end of the run. The exit code is
    1 when a whole partition failed (run again to retry it).

    Example: pantau batch news/*.jsonl --output coded/ --workers 2
    """
    from pantau.corpus import code_corpus

    if workers is not None and scheduler:
        raise click.UsageError("give --workers or --scheduler, not both")
    summary = code_corpus(inputs, output, workers=workers, scheduler=scheduler,
                          partition_size=partition_size,
                          progress=None if quiet else _show_progress)
    for error in summary.errors:
        click.echo(f"partition failed: {error}", err=True)
    click.echo(f"{summary.partitions} partitions ({summary.skipped} done before, "
               f"{summary.coded} coded now, {summary.failed} failed): {summary.articles} "
               f"articles, {summary.sentences} sentences, {summary.events} events, "
               f"{summary.quotes} quotes, {summary.failures} documents failed "
               f"in {summary.seconds:.1f} s -> {output}", err=True)
    sys.exit(1 if summary.failed else 0)


def _show_progress(summary, counts) -> None:
    done = summary.skipped + summary.coded + summary.failed
    if counts:
        click.echo(f"[{done}/{summary.partitions}] {counts['label']}: {counts['articles']} "
                   f"articles, {counts['failures']} failed, {counts['seconds']:.1f} s", err=True)


COMMANDS = [batch_command]
