"""Build news.warc.gz from the pages in pages/, as Common Crawl's news crawl would hold them.

Run from this folder: python make_warc.py. The WARC holds a request and a response per
page, a redirect, a 404, a non-HTML response and a navigation page with no article.
"""

from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).parent
PAGES = {
    "https://www.kabarnusa.example/internasional/2021/03/19/putin-biden": "kabarnusa-putin-biden.html",
    "https://wartadunia.example/dunia/kremlin-tawaran-putin": "warta-putin-biden.html",
    "https://www.theglobalpost.example/world/erdogan-biden-putin": "globalpost-erdogan-biden.html",
    "https://www.kabarnusa.example/indeks": "../nav/kabarnusa-indeks.html",
}
DATE = "2021-03-19T12:00:00Z"


def write_response(writer, url, status, ctype, body):
    headers = StatusAndHeaders(status, [("Content-Type", ctype),
                                        ("Content-Length", str(len(body)))],
                               protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=BytesIO(body),
                                       http_headers=headers,
                                       warc_headers_dict={"WARC-Date": DATE})
    writer.write_record(record)


def write_request(writer, url):
    path = "/" + url.split("/", 3)[3]
    host = url.split("/")[2]
    headers = StatusAndHeaders(f"GET {path} HTTP/1.1", [("Host", host)], is_http_request=True)
    writer.write_record(writer.create_warc_record(url, "request", http_headers=headers,
                                                  warc_headers_dict={"WARC-Date": DATE}))


def main():
    with open(HERE / "news.warc.gz", "wb") as out:
        writer = WARCWriter(out, gzip=True)
        writer.write_record(writer.create_warcinfo_record("news.warc.gz", {
            "software": "pantau tests/data/store/make_warc.py", "format": "WARC 1.1"}))
        for url, name in PAGES.items():
            write_request(writer, url)
            write_response(writer, url, "200 OK", "text/html; charset=utf-8",
                           (HERE / "pages" / name).read_bytes())
        write_response(writer, "https://wartadunia.example/lama", "301 Moved Permanently",
                       "text/html", b"<a href='/baru'>moved</a>")
        write_response(writer, "https://wartadunia.example/hilang", "404 Not Found",
                       "text/html", b"<h1>Not found</h1>")
        write_response(writer, "https://wartadunia.example/logo.png", "200 OK", "image/png",
                       b"\x89PNG\r\n\x1a\n")


if __name__ == "__main__":
    main()
