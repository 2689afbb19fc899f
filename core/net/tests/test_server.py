#!/usr/bin/python3
"""HTTP server for castkit's fetcher and scraper tests. Binds 127.0.0.1 on a free port, prints
"PORT <n>" on stdout, and exits when its stdin closes (when the test process ends).

Routes:
  /files/<path>          a file under --root (Content-Type from the extension, ETag and
                         Last-Modified; answers conditional requests with 304)
  /redirect/<n>          <n> redirects in a row, the last to /files/pages/SOURCES.md
  /loop                  302 to itself
  /missing               404
  /flaky/<key>           500 on the first request for <key>, 200 "recovered" afterwards
  /busy/<key>            429 with Retry-After: 1 on the first request for <key>, then 200
  /always-busy           always 503 with Retry-After: 3600
  /slow                  waits 5 s before answering
  /big/<bytes>           <bytes> bytes with Content-Length
  /big-chunked/<bytes>   <bytes> bytes, chunked (no Content-Length)
  /etag/<key>            ETag "v1" (304 on If-None-Match); counts full answers in /count/<key>
  /modified/<key>        Last-Modified (304 on If-Modified-Since); counts like /etag
  /gzip                  a gzip-encoded text; 406 when the client does not accept gzip
  /headers               echoes the request headers as "name: value" lines
  /count/<key>           how many full (200) answers /etag, /modified, /flaky, /busy gave <key>
  /times/<key>           records the request time; /times-list/<key> lists them (ms, one a line)
"""
import argparse
import gzip
import mimetypes
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOCK = threading.Lock()
SEEN = {}      # key -> requests seen
FULL = {}      # key -> full answers given
TIMES = {}     # key -> request times (ms, monotonic)
ROOT = "."
MODIFIED = "Wed, 21 Oct 2015 07:28:00 GMT"
GZIP_TEXT = ("castkit gzip test " * 200).encode()
mimetypes.add_type("application/rss+xml", ".rss")


def bump(table, key):
    with LOCK:
        table[key] = table.get(key, 0) + 1
        return table[key]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, body=b"", headers=()):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if status != 304:
            self.wfile.write(body)

    def do_GET(self):
        parts = self.path.split("?")[0].strip("/").split("/", 1)
        route, arg = parts[0], (parts[1] if len(parts) > 1 else "")
        handler = getattr(self, "route_" + route.replace("-", "_"), None)
        if handler is None:
            return self.send(404, b"not found")
        handler(arg)

    def route_files(self, arg):
        path = os.path.realpath(os.path.join(ROOT, arg))
        if not path.startswith(os.path.realpath(ROOT) + os.sep) or not os.path.isfile(path):
            return self.send(404, b"no such file")
        with open(path, "rb") as f:
            body = f.read()
        etag = '"%x-%x"' % (len(body), int(os.path.getmtime(path)))
        if self.headers.get("If-None-Match") == etag:
            return self.send(304, headers=[("ETag", etag)])
        kind = mimetypes.guess_type(path)[0] or "application/octet-stream"
        if kind.startswith("text/") or kind.endswith("xml"):
            kind += "; charset=utf-8"
        self.send(200, body, [("Content-Type", kind), ("ETag", etag)])

    def route_redirect(self, arg):
        n = int(arg or "0")
        target = "/redirect/%d" % (n - 1) if n > 1 else "/files/pages/SOURCES.md"
        self.send(302, b"", [("Location", target)])

    def route_loop(self, arg):
        self.send(302, b"", [("Location", "/loop")])

    def route_missing(self, arg):
        self.send(404, b"missing", [("Content-Type", "text/plain")])

    def route_flaky(self, arg):
        if bump(SEEN, "flaky/" + arg) == 1:
            return self.send(500, b"server error")
        bump(FULL, arg)
        self.send(200, b"recovered", [("Content-Type", "text/plain")])

    def route_busy(self, arg):
        if bump(SEEN, "busy/" + arg) == 1:
            return self.send(429, b"slow down", [("Retry-After", "1")])
        bump(FULL, arg)
        self.send(200, b"served", [("Content-Type", "text/plain")])

    def route_always_busy(self, arg):
        self.send(503, b"busy", [("Retry-After", "3600")])

    def route_slow(self, arg):
        time.sleep(5)
        self.send(200, b"late")

    def route_big(self, arg):
        self.send(200, b"x" * int(arg), [("Content-Type", "text/plain")])

    def route_big_chunked(self, arg):
        remaining = int(arg)
        self.send_response(200)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        try:
            while remaining > 0:
                chunk = b"y" * min(remaining, 65536)
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                remaining -= len(chunk)
            self.wfile.write(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass

    def route_etag(self, arg):
        if self.headers.get("If-None-Match") == '"v1"':
            return self.send(304, headers=[("ETag", '"v1"')])
        bump(FULL, arg)
        self.send(200, b"etag body " + arg.encode(), [("ETag", '"v1"'), ("Content-Type", "text/plain")])

    def route_modified(self, arg):
        if self.headers.get("If-Modified-Since") == MODIFIED:
            return self.send(304)
        bump(FULL, arg)
        self.send(200, b"modified body", [("Last-Modified", MODIFIED), ("Content-Type", "text/plain")])

    def route_gzip(self, arg):
        if "gzip" not in self.headers.get("Accept-Encoding", ""):
            return self.send(406, b"gzip only")
        self.send(200, gzip.compress(GZIP_TEXT), [("Content-Encoding", "gzip"), ("Content-Type", "text/plain")])

    def route_headers(self, arg):
        text = "".join("%s: %s\n" % (k, v) for k, v in self.headers.items())
        self.send(200, text.encode(), [("Content-Type", "text/plain")])

    def route_count(self, arg):
        with LOCK:
            self.send(200, str(FULL.get(arg, 0)).encode())

    def route_times(self, arg):
        with LOCK:
            TIMES.setdefault(arg, []).append(time.monotonic() * 1000)
        self.send(200, b"ok")

    def route_times_list(self, arg):
        with LOCK:
            text = "".join("%d\n" % t for t in TIMES.get(arg, []))
        self.send(200, text.encode())


def main():
    global ROOT
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", required=True)
    ROOT = parser.parse_args().root
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print("PORT %d" % server.server_address[1], flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sys.stdin.read()  # returns when the test process closes the pipe or exits
    os._exit(0)


if __name__ == "__main__":
    main()
