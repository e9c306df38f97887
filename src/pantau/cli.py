"""The `pantau` command line: thin wrappers over the library functions of the same name."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from pantau.errors import PantauError


@click.group()
@click.version_option(package_name="pantau")
def main() -> None:
    """pantau: open, explainable event data from world news (Indonesian and English)."""


@main.command("code")
@click.argument("inputs", nargs=-1, type=click.Path(allow_dash=True))
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write JSONL here instead of stdout.")
@click.option("--lang", help="Language of a text/HTML input (id, en); detected when absent.")
@click.option("--published", help="Publication date (YYYY-MM-DD) of a text/HTML input.")
def code_command(inputs, output, lang, published) -> None:
    """Code articles into events, quotes and actors; one JSON document per line.

    INPUTS are .jsonl files (one document per line), text or HTML files, or - for
    standard input (JSONL if it starts with '{', else one text). A bad line is reported
    on stderr with its line number and the run goes on; the exit code is 1 if any failed.

    Example: pantau code article.txt --lang id --published 2021-03-19
    """
    from pantau.batch import code_records, records_from

    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    try:
        counts = code_records(records_from(inputs or ("-",), lang, published), out, sys.stderr)
    finally:
        if output:
            out.close()
    if output:
        click.echo(f"{counts['coded']} coded, {counts['failed']} failed -> {output}", err=True)
    sys.exit(1 if counts["failed"] else 0)


@main.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_command(gold, as_json) -> None:
    """Score pantau against a gold JSONL file (events at three levels, quotes).

    Example: pantau eval tests/data/gold/small.jsonl
    """
    from pantau.evaluate import evaluate, format_table

    results = evaluate(gold)
    if as_json:
        click.echo(json.dumps(results, indent=2))
    else:
        click.echo(format_table(results))


@main.command("demo")
@click.option("--output", "-o", type=click.Path(dir_okay=False), default="pantau-demo.jsonl",
              show_default=True, help="Where the coded demo articles go.")
@click.option("--serve", is_flag=True, help="Then open the dashboard on the demo data.")
def demo_command(output, serve) -> None:
    """Code the sample articles shipped with pantau and print what was found.

    Example: pantau demo
    """
    from pantau.demo import run_demo

    run_demo(Path(output), echo=click.echo, serve=serve)


@main.group("dict")
def dict_group() -> None:
    """Check and import dictionaries (knowledge base and language packs)."""


@dict_group.command("check")
def dict_check() -> None:
    """Validate every pack, knowledge-base and codebook file.

    Example: pantau dict check
    """
    from pantau.dictcheck import check_all

    problems, warnings, summary = check_all()
    for line in summary:
        click.echo(line)
    for warning in warnings:
        click.echo(f"warning: {warning}", err=True)
    for problem in problems:
        click.echo(f"problem: {problem}", err=True)
    click.echo(f"{len(problems)} problems, {len(warnings)} warnings")
    sys.exit(1 if problems else 0)


@dict_group.command("import-petrarch")
@click.argument("actor_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--output", "-o", type=click.Path(file_okay=False), required=True,
              help="Knowledge-base folder to write (use it with PANTAU_KB=FOLDER).")
def dict_import_petrarch(actor_file, output) -> None:
    """Convert a TABARI/PETRARCH actor dictionary into pantau's knowledge-base files.

    Example: pantau dict import-petrarch Phoenix.Countries.actors.txt -o my-kb && PANTAU_KB=my-kb pantau code news.jsonl
    """
    from pantau.petrarch import write_import

    target, people, named = write_import(actor_file, output)
    click.echo(f"{people} people with dated roles and {named} named actors -> {output}")
    click.echo(f"use them with: PANTAU_KB={output} pantau code ...")


def _add_optional_commands() -> None:
    """Commands from modules that bring heavier dependencies (store, server)."""
    for module in ("pantau.cli_store", "pantau.cli_serve", "pantau.cli_batch"):
        try:
            mod = __import__(module, fromlist=["COMMANDS"])
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
            continue
        for command in getattr(mod, "COMMANDS", []):
            main.add_command(command)


_add_optional_commands()


def run() -> None:
    try:
        main()
    except PantauError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
