"""The FastAPI application: REST API under /api, API docs at /docs (assets vendored), and
the web dashboard at /.

Safe by default: the store is opened read-only; POST needs the bearer token when one is
set; request bodies are size-limited; every error is JSON `{"status", "detail"}`; every
page is served with a Content-Security-Policy that allows only the package's own scripts.
"""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

import pantau
from pantau.api import routes_docs, routes_events
from pantau.api.deps import StoreReader
from pantau.errors import PantauError

log = logging.getLogger("pantau.api")

MAX_BODY_BYTES = 1_048_576  # POST bodies: 1 MiB
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")
# Swagger UI starts from an inline script in the page FastAPI writes.
DOCS_CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline'; "
            "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
            "object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
DESCRIPTION = ("Open, explainable event data from world news: events (CAMEO, PLOVER, "
               "Goldstein) with their evidence, quotes with their speakers, actors, dyad "
               "series, and the articles they come from. Offsets index each article's "
               "cleaned `text`.")


def static_dir() -> Path:
    return Path(str(resources.files("pantau") / "web" / "static"))


def error_json(status: int, detail: str, errors: list | None = None,
               headers: dict | None = None) -> JSONResponse:
    body = {"status": status, "detail": detail}
    if errors is not None:
        body["errors"] = errors
    return JSONResponse(body, status_code=status, headers=headers)


def add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        return error_json(exc.status_code, detail, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError):
        errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", ""),
                   "type": e.get("type", "")} for e in exc.errors()]
        where = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in errors[:5])
        return error_json(422, f"invalid request: {where}", errors)

    @app.exception_handler(PantauError)
    async def pantau_error(request: Request, exc: PantauError):
        return error_json(400, str(exc))

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception):
        log.exception("error serving %s", request.url.path)
        return error_json(500, f"internal error: {type(exc).__name__}; see the server log")


class BodyLimit:
    """Answers a JSON 413 to a request body over `limit` bytes, whether its length is
    declared or it is streamed (then it is read, up to the limit, and handed on)."""

    def __init__(self, app, limit: int = MAX_BODY_BYTES):
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and not declared.isdigit():
            return await error_json(400, "bad Content-Length header")(scope, receive, send)
        if declared is not None and int(declared) > self.limit:
            return await self.too_large(scope, receive, send)
        body, more = b"", True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            body += message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) > self.limit:
                return await self.too_large(scope, receive, send)
        await self.app(scope, replay(body, receive), send)

    async def too_large(self, scope, receive, send):
        response = error_json(413, f"the request body is over {self.limit:,} bytes")
        await response(scope, receive, send)


def replay(body: bytes, receive):
    """A `receive` that gives the body already read, then waits on the client."""
    done = False

    async def replayed():
        nonlocal done
        if not done:
            done = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replayed


def add_security_headers(app: FastAPI) -> None:
    @app.middleware("http")
    async def headers(request: Request, call_next):
        response = await call_next(request)
        docs = request.url.path in ("/docs", "/docs/oauth2-redirect")
        response.headers.setdefault("Content-Security-Policy", DOCS_CSP if docs else CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        if request.url.path.startswith("/api/"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response


def add_pages(app: FastAPI) -> None:
    static = static_dir()
    app.mount("/static", StaticFiles(directory=static), name="static")

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(static / "index.html", media_type="text/html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json", title="pantau API",
            swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg")


def create_app(db_path: str | Path, token: str | None = None) -> FastAPI:
    """The pantau server over the store at `db_path` (opened read-only). With a `token`,
    POST endpoints need `Authorization: Bearer <token>`."""
    reader = StoreReader(db_path)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        reader.close()

    app = FastAPI(title="pantau", version=pantau.__version__, description=DESCRIPTION,
                  docs_url=None, redoc_url=None, lifespan=lifespan)
    app.state.reader, app.state.token = reader, token or None
    add_error_handlers(app)
    add_security_headers(app)
    app.add_middleware(BodyLimit)
    app.include_router(routes_events.router)
    app.include_router(routes_docs.router)
    add_pages(app)
    return app
