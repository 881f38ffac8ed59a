#!/usr/bin/env python3
"""Writes small seed corpora for the fuzz targets (invented content only).

usage: fuzz/make_seeds.py OUT_DIR   -> OUT_DIR/warc/*, OUT_DIR/jsonl/*,
       OUT_DIR/feed/*, OUT_DIR/sitemap/*, OUT_DIR/opml/*, OUT_DIR/robots/*, OUT_DIR/url/*
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

    feed_seeds(out)


FEED_SEEDS = {
    "feed/rss2.xml": b"""<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>The Harbour Gazette &amp;amp; Mail</title><link>/</link>
<item><title><![CDATA[<b>Ferry</b> aground]]></title><link>/a.html?utm_source=rss</link>
<guid isPermaLink="false">hg-1</guid><pubDate>Sat, 14 Mar 2026 09:05:00 -0500</pubDate>
<author>desk@hg.test (Ana Varga)</author><description>&lt;p&gt;All ashore.&lt;/p&gt;</description></item>
<item><guid>https://hg.test/b.html</guid><dc:creator>Tomas Reyes</dc:creator></item>
<item><guid isPermaLink="false">hg-1</guid></item></channel></rss>""",
    "feed/rdf.xml": b"""<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://vh.test/"><title>Valley Herald</title><link>https://vh.test/</link></channel>
<item rdf:about="https://vh.test/dam"><title>Dam &lt;i&gt;safe&lt;/i&gt;</title><link>dam</link>
<dc:date>2026-03-12T07:30:00Z</dc:date></item></rdf:RDF>""",
    "feed/atom.xml": b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"
xml:base="https://cw.test/world/"><title type="html">Coast &lt;em&gt;Wire&lt;/em&gt;</title><link href="/"/>
<author><name>Staff</name></author><entry xml:base="../local/"><id>tag:cw.test,2026:1</id>
<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Fish <b>market</b></div></title>
<link rel="alternate" href="m.html?a=1&amp;b=2"/><published>2026-03-11T22:15:00+02:00</published>
<summary type="html">&lt;p&gt;Pier&amp;nbsp;4.&lt;/p&gt;</summary></entry></feed>""",
    "feed/json.json": b"""{"version":"https://jsonfeed.org/version/1.1","title":"Northern Ledger",
"home_page_url":"https://nl.test/","authors":[{"name":"Desk"}],"items":[{"id":"nl-1","url":"/rail",
"title":"Rail &amp; talks","content_html":"<p>Friday</p>","date_published":"2026-03-09T10:00:00-04:00"},
{"id":2,"external_url":"https://x.test/r","summary":"S"}]}""",
    "feed/latin1.xml": b"""<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><item><title>Caf\xe9</title>
<guid>g</guid></item></channel></rss>""",
    "sitemap/news.xml": b"""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>https://hg.test/a.html</loc>
<lastmod>2026-03-14T10:00:00+01:00</lastmod><news:news><news:publication><news:name>HG</news:name>
<news:language>en</news:language></news:publication><news:publication_date>2026-03-14</news:publication_date>
<news:title>Ferry</news:title></news:news></url><url><loc>/rel.html</loc></url></urlset>""",
    "sitemap/index.xml": b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://cw.test/s1.xml</loc><lastmod>2026-03-14</lastmod></sitemap>
<sitemap><loc>s2.xml.gz</loc></sitemap></sitemapindex>""",
    "sitemap/text.txt": b"https://vh.test/a\nnot a url\nhttps://vh.test/b\n",
    "opml/subs.opml": b"""<?xml version="1.0"?><opml version="2.0"><head><title>Subs</title></head><body>
<outline text="News"><outline text="Regional"><outline type="rss" text="HG" xmlUrl="https://hg.test/rss.xml"
htmlUrl="https://hg.test/"/></outline><outline text="CW" xmlurl="https://cw.test/feed.atom"/></outline>
<outline text="Bad" xmlUrl="relative.xml"/></body></opml>""",
    "opml/list.txt": b"# feeds\nhttps://hg.test/rss.xml\n\nftp://x.test/\nHTTPS://HG.test:443/rss.xml#x\n",
    "robots/robots.txt": b"""User-agent: *\nDisallow: /search\nDisallow: /*.pdf$\nAllow: /private/press/
Disallow: /private/\nCrawl-delay: 2.5\n\nUser-agent: storyfuse\nUser-agent: other\nDisallow: /*?print=*
Allow: /page\nDisallow: /page\nSitemap: https://hg.test/sitemap.xml\n""",
    "url/rfc.txt": b"http://a/b/c/d;p?q\n../../g;x=1/./y?utm_source=a&b=%7e#f",
    "url/canon.txt": b"HTTPS://Ex.TEST:443/a/./b/../c%2f?gclid=1&id=2\n//other.test/caf\xc3\xa9 bar",
}


def feed_seeds(out):
    for name, data in FEED_SEEDS.items():
        os.makedirs(os.path.dirname(f"{out}/{name}"), exist_ok=True)
        with open(f"{out}/{name}", "wb") as f:
            f.write(data)
    with open(f"{out}/sitemap/index.xml.gz", "wb") as f:
        f.write(gzip.compress(FEED_SEEDS["sitemap/index.xml"]))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "fuzz-corpus")
