"""The REST API and the web dashboard (FastAPI): `create_app(db_path, token=None)`.

    >>> from pantau.api import create_app
    >>> app = create_app("pantau.duckdb")   # then: uvicorn.run(app, host="127.0.0.1")
"""

from pantau.api.app import create_app

__all__ = ["create_app"]
