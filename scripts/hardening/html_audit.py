#!/usr/bin/env python3
"""Audits generated HTML with Python's html.parser (a real, browser-like tokenizer).

Usage:
  html_audit.py xss DIR          every *.html under DIR: no data-borne active content
  html_audit.py complete DIR     every file under DIR is whole: HTML ends with </html> and
                                 parses with balanced <html>/<head>/<body>; JSON parses;
                                 leftover temporary files are listed
Prints one JSON object on stdout; exits 1 when a problem is found, 2 on bad usage.

xss rules (attribute values are entity-decoded first, as a browser does):
  - <script> only with src under an assets/ folder and no inline code;
  - no on* event-handler attribute on any element;
  - no javascript:/vbscript: URL, and no data: URL other than data:, and data:image/(png|gif|jpeg|webp)
    in href, src, action, formaction, xlink:href, data, poster, background, srcset, ping, cite;
  - no <iframe>, <frame>, <frameset>, <object>, <embed>, <applet>, <base>, <meta http-equiv=refresh>;
  - no javascript:/expression( in style attributes.
"""
import json
import os
import re
import sys
from html.parser import HTMLParser

URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background",
             "srcset", "ping", "cite", "manifest", "codebase", "dynsrc", "lowsrc"}
FORBIDDEN_TAGS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
        "track", "wbr", "keygen"}
SAFE_DATA = re.compile(r"^data:(,|image/(png|gif|jpeg|webp)[;,])")
ASSET_SCRIPT = re.compile(r"^(\.\./)*(/)?([A-Za-z0-9_./-]*/)?assets/[A-Za-z0-9_./-]+\.js$")


def squash(value):
    """What a browser's URL parser sees: no ASCII whitespace or controls, lower case."""
    return "".join(ch for ch in value if ord(ch) > 0x20 and ord(ch) != 0x7F).lower()


class Auditor(HTMLParser):
    def __init__(self, path):
        super().__init__(convert_charrefs=True)
        self.path = path
        self.problems = []
        self.in_script = False
        self.script_text = ""

    def problem(self, what):
        line, col = self.getpos()
        self.problems.append(f"{self.path}:{line}:{col}: {what}")

    def handle_starttag(self, tag, attrs):
        self.check(tag, attrs)
        if tag == "script":
            self.in_script = True
            self.script_text = ""

    def handle_startendtag(self, tag, attrs):
        self.check(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "script" and self.in_script:
            if self.script_text.strip():
                self.problem(f"inline script: {self.script_text.strip()[:80]!r}")
            self.in_script = False

    def handle_data(self, data):
        if self.in_script:
            self.script_text += data

    def check(self, tag, attrs):
        names = {}
        for name, value in attrs:
            value = value or ""
            names[name] = value
            if name.startswith("on"):
                self.problem(f"<{tag}> has event handler {name}={value[:60]!r}")
            if name in URL_ATTRS:
                candidates = [value]
                if name == "srcset":
                    candidates = [part.strip().split(" ")[0] for part in value.split(",")]
                for candidate in candidates:
                    url = squash(candidate)
                    if url.startswith("javascript:") or url.startswith("vbscript:"):
                        self.problem(f"<{tag} {name}> is a script URL: {candidate[:60]!r}")
                    elif url.startswith("data:") and not SAFE_DATA.match(url):
                        self.problem(f"<{tag} {name}> is an active data: URL: {candidate[:60]!r}")
            if name == "style":
                style = squash(value)
                if "javascript:" in style or "expression(" in style:
                    self.problem(f"<{tag}> has an active style: {value[:60]!r}")
        if tag in FORBIDDEN_TAGS:
            self.problem(f"<{tag}> element")
        if tag == "meta" and names.get("http-equiv", "").strip().lower() == "refresh":
            self.problem("<meta http-equiv=refresh>")
        if tag == "script":
            src = names.get("src")
            if src is None:
                self.problem("<script> without src")
            elif not ASSET_SCRIPT.match(src):
                self.problem(f"<script src> outside the theme's assets: {src[:80]!r}")


class Structure(HTMLParser):
    """Counts the document-level elements; a truncated file misses closing tags."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.opened = {"html": 0, "head": 0, "body": 0}
        self.closed = {"html": 0, "head": 0, "body": 0}

    def handle_starttag(self, tag, attrs):
        if tag in self.opened:
            self.opened[tag] += 1

    def handle_endtag(self, tag):
        if tag in self.closed:
            self.closed[tag] += 1


def html_files(root):
    for folder, _, names in os.walk(root):
        for name in names:
            if name.endswith(".html") and not name.startswith("."):
                yield os.path.join(folder, name)


def audit_xss(root):
    problems, count = [], 0
    for path in sorted(html_files(root)):
        count += 1
        with open(path, encoding="utf-8", errors="strict") as handle:
            text = handle.read()
        auditor = Auditor(os.path.relpath(path, root))
        auditor.feed(text)
        auditor.close()
        problems.extend(auditor.problems)
    return {"mode": "xss", "files": count, "problems": problems}


def audit_complete(root):
    problems, leftovers, count = [], [], 0
    for folder, _, names in os.walk(root):
        for name in names:
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, root)
            if ".tmp-" in name:
                leftovers.append(rel)
                if not name.startswith("."):
                    problems.append(f"{rel}: a temporary file that is not a dot file (could be served)")
                continue
            count += 1
            with open(path, "rb") as handle:
                data = handle.read()
            if name.endswith(".html"):
                try:
                    text = data.decode("utf-8")
                except UnicodeDecodeError as error:
                    problems.append(f"{rel}: not UTF-8 ({error})")
                    continue
                if not text.rstrip().endswith("</html>"):
                    problems.append(f"{rel}: does not end with </html> ({len(data)} bytes)")
                    continue
                parser = Structure()
                parser.feed(text)
                parser.close()
                for tag in ("html", "head", "body"):
                    if parser.opened[tag] != 1 or parser.closed[tag] != 1:
                        problems.append(f"{rel}: <{tag}> opened {parser.opened[tag]} and closed {parser.closed[tag]} times")
            elif name.endswith(".json"):
                try:
                    json.loads(data.decode("utf-8"))
                except Exception as error:  # noqa: BLE001
                    problems.append(f"{rel}: JSON does not parse ({error})")
            elif len(data) == 0 and not name.startswith("."):
                problems.append(f"{rel}: empty file")
    return {"mode": "complete", "files": count, "problems": problems, "leftovers": sorted(leftovers)}


def main(argv):
    if len(argv) != 3 or argv[1] not in ("xss", "complete") or not os.path.isdir(argv[2]):
        print(__doc__, file=sys.stderr)
        return 2
    report = audit_xss(argv[2]) if argv[1] == "xss" else audit_complete(argv[2])
    print(json.dumps(report))
    return 1 if report["problems"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
