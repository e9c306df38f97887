"""What the routes share: the open store (one connection, used by one request at a time),
the bearer-token check, query-parameter parsing, and store rows turned into API shapes.
"""

from __future__ import annotations

import hmac
import threading
from pathlib import Path
from typing import Callable, TypeVar

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from pantau.errors import StoreError
from pantau.store import Store
from pantau.store.query import event_dict

T = TypeVar("T")

CODES = r"^[A-Za-z]{1,24}(,[A-Za-z]{1,24}){0,9}$"  # actor code prefixes, comma-separated
CAMEO = r"^[0-9]{2,4}(,[0-9]{2,4}){0,9}$"
ROOTS = r"^[0-9]{2}(,[0-9]{2}){0,9}$"
DYAD = r"^[A-Za-z]{1,24},[A-Za-z]{1,24}$"
MAX_PAGE = 500
MAX_OFFSET = 1_000_000


class StoreReader:
    """The store, opened read-only, with a lock: a DuckDB connection is not thread-safe
    and FastAPI runs plain routes in a thread pool."""

    def __init__(self, path: str | Path):
        path = Path(path)
        if not path.is_file():
            raise StoreError(f"no pantau store at {path}: create one with "
                             f"`pantau ingest news.jsonl --db {path}`")
        self.path = path
        self.store = Store(path, read_only=True)
        self.lock = threading.Lock()

    def run(self, fn: Callable[..., T], *args, **kwargs) -> T:
        """Call `fn(store, ...)` alone on the connection."""
        with self.lock:
            return fn(self.store, *args, **kwargs)

    def close(self) -> None:
        with self.lock:
            self.store.close()


def reader(request: Request) -> StoreReader:
    return request.app.state.reader


bearer = HTTPBearer(auto_error=False, description="The server's token (`pantau serve "
                    "--token` or PANTAU_TOKEN); needed only when the server has one.")


def require_token(request: Request,
                  credentials: HTTPAuthorizationCredentials | None = Depends(bearer)) -> None:
    """When the app has a token, a request must send `Authorization: Bearer <token>`."""
    token = request.app.state.token
    if not token:
        return
    given = credentials.credentials if credentials else ""
    if not hmac.compare_digest(given.encode(), token.encode()):
        raise HTTPException(401, "this endpoint needs the server's token: send the header "
                                 "'Authorization: Bearer <token>'",
                            headers={"WWW-Authenticate": "Bearer"})


def split(value: str | None) -> tuple[str, ...]:
    """'RUS,usa' -> ('RUS', 'USA'); None -> ()."""
    if not value:
        return ()
    return tuple(part.strip().upper() for part in value.split(",") if part.strip())


def day(value) -> str | None:
    return value.isoformat() if value else None


def event_id(article_id: str, idx: int) -> str:
    return f"{article_id}-{idx}"


def parse_event_id(value: str) -> tuple[str, int] | None:
    article_id, _, idx = value.rpartition("-")
    if not article_id or not idx.isdigit() or len(idx) > 9:
        return None
    return article_id, int(idx)


def event_row(row: dict) -> dict:
    """A row of `events JOIN articles` as an `EventRow`."""
    out = event_dict(row)
    out.update(id=event_id(row["article_id"], row["idx"]), article_id=row["article_id"],
               counted=row["counted"], title=row.get("title"), url=row.get("url"),
               outlet=row.get("outlet"), published=row.get("published"),
               lang=row.get("lang"))
    return out


def article_view(article: dict) -> dict:
    """A stored article with each of its events numbered by its event id."""
    for idx, event in enumerate(article["events"]):
        event["id"] = event_id(article["article_id"], idx)
    return article


def quote_row(row: dict) -> dict:
    from pantau.store.query import quote_dict

    out = quote_dict(row)
    out.update(article_id=row["article_id"], title=row.get("title"), url=row.get("url"),
               outlet=row.get("outlet"), published=row.get("published"))
    return out
