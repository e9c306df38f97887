"""Store commands: `ingest`, `watch`, `dyad`, `export`. Each parses its arguments, calls the
`Store` method of the same name, and prints. cli.py adds every command in `COMMANDS`.
"""

from __future__ import annotations

import sys
import time

import click

from pantau.errors import PantauError
from pantau.store import DEFAULT_DB, Filters, IngestSummary, Store

db_option = click.option("--db", "db", default=DEFAULT_DB, show_default=True,
                         type=click.Path(dir_okay=False), help="The DuckDB store file.")


def open_store(db: str, read_only: bool = False) -> Store:
    try:
        return Store(db, read_only=read_only)
    except PantauError as exc:
        raise click.ClickException(str(exc)) from exc


class Progress:
    """A one-line progress report on stderr: rewritten in place on a terminal, printed
    every `every` seconds otherwise (logs, pipes)."""

    def __init__(self, enabled: bool, every: float | None = None):
        self.tty = sys.stderr.isatty()
        self.enabled = enabled
        self.every = every if every is not None else (0.2 if self.tty else 5.0)
        self.last = time.monotonic()  # the first report comes after `every` seconds

    def __call__(self, s: IngestSummary) -> None:
        now = time.monotonic()
        if not self.enabled or now - self.last < self.every:
            return
        self.last = now
        line = (f"{s.seen + s.pending:,} read · {s.new + s.pending:,} new · "
                f"{s.stored:,} stored · {s.failed:,} failed · {s.events:,} events · "
                f"{s.rate:.1f} articles/s")
        click.echo(("\r" + line.ljust(90)) if self.tty else line, err=True,
                   nl=not self.tty)

    def close(self) -> None:
        if self.enabled and self.tty:
            click.echo("", err=True)


def format_summary(s: IngestSummary) -> str:
    return (f"{s.seen:,} articles read: {s.new:,} new, {s.stored:,} already stored, "
            f"{s.failed:,} failed; {s.events:,} events, {s.quotes:,} quotes stored "
            f"in {s.seconds:.1f} s ({s.rate:.1f} articles/s)")


@click.command()
@click.argument("sources", nargs=-1, required=True)
@db_option
@click.option("--no-fetch", is_flag=True, help="Feeds: use item summaries, fetch no pages.")
@click.option("--delay", default=1.0, show_default=True,
              help="Seconds between page requests to the same feed.")
@click.option("--batch-size", default=16, show_default=True,
              help="Articles committed per transaction.")
@click.option("--progress/--no-progress", default=True, help="Report progress on stderr.")
def ingest(sources, db, no_fetch, delay, batch_size, progress):
    """Code and store articles from SOURCES: text files, folders, JSONL, HTML pages,
    RSS/Atom feeds (files or URLs) and WARC/WARC.gz files. Articles already stored are
    skipped; bad inputs are recorded in the failures table and the run goes on.

    Example: pantau ingest news/ feeds/kompas.rss crawl.warc.gz --db pantau.duckdb
    """
    reporter = Progress(progress)
    with open_store(db) as store:
        try:
            summary = store.ingest(sources, fetch=not no_fetch, delay=delay,
                                   batch_size=batch_size, progress=reporter)
        except PantauError as exc:
            raise click.ClickException(str(exc)) from exc
        finally:
            reporter.close()
    click.echo(format_summary(summary))
    if summary.failed:
        click.echo(f"{summary.failed:,} failure(s) recorded in the failures table of {db}",
                   err=True)


@click.command()
@click.argument("feeds", nargs=-1, required=True)
@db_option
@click.option("--every", default="15m", show_default=True,
              help="Time between polls: 30s, 15m, 2h.")
@click.option("--polls", type=int, default=None, help="Stop after this many rounds.")
@click.option("--no-fetch", is_flag=True, help="Use item summaries, fetch no pages.")
@click.option("--delay", default=1.0, show_default=True,
              help="Seconds between page requests.")
@click.option("--timeout", default=20.0, show_default=True, help="Seconds per request.")
def watch(feeds, db, every, polls, no_fetch, delay, timeout):
    """Poll RSS/Atom FEEDS on a schedule and ingest their new items, asking only for what
    changed (ETag, Last-Modified) and skipping URLs already seen. Stop with Ctrl-C.

    Example: pantau watch https://example.org/world.rss --every 15m --db pantau.duckdb
    """
    def report(feed, outcome):
        stamp = time.strftime("%Y-%m-%d %H:%M:%S")
        if isinstance(outcome, IngestSummary):
            click.echo(f"{stamp} {feed}: {outcome.new} new, {outcome.stored} stored, "
                       f"{outcome.failed} failed, {outcome.events} events")
        else:
            click.echo(f"{stamp} {feed}: {outcome}", err=True)

    with open_store(db) as store:
        try:
            store.watch(list(feeds), every, polls=polls, fetch=not no_fetch, delay=delay,
                        timeout=timeout, report=report)
        except KeyboardInterrupt:
            click.echo("stopped", err=True)
        except PantauError as exc:
            raise click.ClickException(str(exc)) from exc


@click.command()
@click.argument("a")
@click.argument("b")
@db_option
@click.option("--by", type=click.Choice(["day", "week", "month"]), default="month",
              show_default=True, help="Period of the series.")
@click.option("--since", help="First day (YYYY-MM-DD).")
@click.option("--until", help="Last day (YYYY-MM-DD).")
@click.option("--json", "as_json", is_flag=True, help="Print the series as JSON.")
@click.option("--csv", "as_csv", is_flag=True, help="Print the series as CSV.")
@click.option("--plot", type=click.Path(dir_okay=False), help="Also draw it into FILE.png.")
def dyad(a, b, db, by, since, until, as_json, as_csv, plot):
    """The relation between actors A and B over time (country codes such as RUS, or full
    codes such as RUSGOV), both directions: events by quad class, Goldstein sum and mean.

    Example: pantau dyad RUS USA --by week --plot rus-usa.png
    """
    from pantau.store import dyad as fmt

    with open_store(db, read_only=False) as store:
        try:
            rows = store.dyad(a, b, by=by, filters=Filters(since=since, until=until))
            if plot:
                fmt.plot_series(a, b, by, rows, plot)
        except PantauError as exc:
            raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(fmt.format_json(a, b, by, rows))
    elif as_csv:
        click.echo(fmt.format_csv(rows), nl=False)
    elif rows:
        click.echo(fmt.format_table(rows))
    else:
        click.echo(f"no events between {a.upper()} and {b.upper()}", err=True)
    if plot:
        click.echo(f"plot written to {plot}", err=True)


@click.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["parquet", "jsonl", "gdelt"]),
              default="parquet", show_default=True)
@click.option("--table", type=click.Choice(["events", "groups", "quotes", "articles"]),
              default="events", show_default=True,
              help="events: one row per mention; groups: one per grouped event (gdelt).")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="File (default stdout).")
@click.option("--since", help="First day (YYYY-MM-DD).")
@click.option("--until", help="Last day (YYYY-MM-DD).")
@click.option("--actor", multiple=True, help="Actor code prefix on either side (repeatable).")
@click.option("--source", multiple=True, help="Acting actor code prefix (repeatable).")
@click.option("--target", multiple=True, help="Target actor code prefix (repeatable).")
@click.option("--code", multiple=True, help="CAMEO code prefix, e.g. 11 or 036 (repeatable).")
@click.option("--lang", help="Only articles in this language.")
@click.option("--header", is_flag=True, help="gdelt: write a header line (GDELT has none).")
def export(db, fmt, table, output, since, until, actor, source, target, code, lang, header):
    """Export stored events (or groups, quotes, articles) as Parquet, JSONL, or the GDELT
    2.0 event table's 61 tab-separated columns.

    Example: pantau export --format gdelt --actor IDN --since 2021-03-01 -o idn.tsv
    """
    filters = Filters(since=since, until=until, actors=actor, sources=source, targets=target,
                      codes=code, lang=lang)
    if output is None and fmt == "parquet" and sys.stdout.isatty():
        raise click.ClickException("Parquet is binary: give --output FILE or redirect stdout")
    with open_store(db) as store:
        try:
            if output:
                with open(output, "wb") as out:
                    count = store.export(out, fmt=fmt, table=table, filters=filters,
                                         header=header)
            else:
                count = store.export(sys.stdout.buffer, fmt=fmt, table=table,
                                     filters=filters, header=header)
                sys.stdout.buffer.flush()
        except PantauError as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(f"{count:,} rows exported" + (f" to {output}" if output else ""), err=True)


COMMANDS = [ingest, watch, dyad, export]
