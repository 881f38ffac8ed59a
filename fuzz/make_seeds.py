#!/usr/bin/env python3
"""Writes small seed corpora for the fuzz targets (invented content only).

usage: fuzz/make_seeds.py OUT_DIR   -> OUT_DIR/warc/*, OUT_DIR/jsonl/*
"""
import gzip
import os
import sys


def record(kind, uri, block, content_type="application/http; msgtype=response"):
    head = (f"WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n"
            f"Content-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n").encode()
    return head + block + b"\r\n\r\n"


def main(out):
    os.makedirs(f"{out}/warc", exist_ok=True)
    os.makedirs(f"{out}/jsonl", exist_ok=True)
    html = (b"<html><head><meta charset=windows-1252></head>"
            b"<body><p>Caf\xe9 reopens on the quay.</p></body></html>")
    r1 = record("response", "http://a.example/",
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + html)
    body = gzip.compress(b"<html><body>The ferry is back.</body></html>")
    chunked = b"%x\r\n" % len(body) + body + b"\r\n0\r\n\r\n"
    r2 = record("response", "http://b.example/",
                b"HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n"
                b"Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n" + chunked)
    r3 = record("request", "http://a.example/", b"GET / HTTP/1.1\r\n\r\n",
                "application/http; msgtype=request")
    with open(f"{out}/warc/plain.warc", "wb") as f:
        f.write(r1 + r3 + r2)
    with open(f"{out}/warc/per_record.warc.gz", "wb") as f:
        f.write(gzip.compress(r1) + gzip.compress(r3) + gzip.compress(r2))
    with open(f"{out}/jsonl/lines.jsonl", "wb") as f:
        f.write(b'{"id":"a","url":"http://x.example/a","authors":["Ana Ruiz","Li Wen"],'
                b'"text":"Caf\\u00e9 reopens.","label":2}\n'
                b'{"id":7,"html":"<p>Numeric id</p>"}\n{broken\n[1]\n')
    with open(f"{out}/jsonl/zipped.jsonl.gz", "wb") as f:
        f.write(gzip.compress(b'{"id":"g","text":"From a gzip member."}\n'))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "fuzz-corpus")
