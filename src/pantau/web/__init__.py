"""The web dashboard: static files (HTML, CSS, JavaScript modules and vendored libraries)
under `static/`, served at / by `pantau.api.create_app`. No build step, no CDN."""
