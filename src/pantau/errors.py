"""Named exceptions. They become exit codes or HTTP errors only at the CLI/API edge."""


class PantauError(Exception):
    """Base class of every error pantau raises on purpose."""


class InputError(PantauError):
    """A document or source cannot be read: says what and why."""


class PackError(PantauError):
    """A language pack, knowledge-base or codebook file is invalid."""


class StoreError(PantauError):
    """The DuckDB store cannot be opened, migrated or written."""
