#!/usr/bin/env python3
"""Checks the DOM that Chromium built from an HTML report against its JSON.

usage: render_html_dom_check.py REPORT.json DOM.html [--hostile TEXT...]

Fails (exit 1, one line per problem) unless:
  - every finding of the JSON report is an <article class="finding"> with
    its id, verdict and one <mark class="claim-span"> per claim whose text is
    the claim's matchedText;
  - every element and attribute is one the renderer writes (no <script>, no
    on* handler, nothing an article injected), every link is a #fragment that
    exists or an http(s) URL;
  - with --hostile, each TEXT appears verbatim in the page's text: the markup
    in it was shown, not run.
"""

import html.parser
import json
import re
import sys

ELEMENTS = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "h4", "p",
    "ul", "ol", "li", "a", "span", "b", "i", "code", "nav", "main", "section", "article",
    "time", "div", "blockquote", "mark", "details", "summary", "table", "thead", "tbody", "tr",
    "th", "td", "br", "footer",
}
ATTRIBUTES = {
    "lang", "charset", "http-equiv", "content", "name", "class", "id", "href", "rel", "title",
    "datetime", "style", "data-finding-id", "data-verdict", "data-claim", "aria-label",
    "aria-hidden",
}


def slug(text):
    return re.sub(r"[^A-Za-z0-9_-]", "_", text)


class Dom(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.ids = set()
        self.hrefs = []
        self.findings = {}  # finding id -> verdict
        self.marks = {}  # (finding id, claim index) -> text
        self.text = []
        self._mark = None
        self._in_body = False

    def handle_starttag(self, tag, attrs):
        if tag not in ELEMENTS:
            self.problems.append(f"unexpected element <{tag}>")
        if tag == "body":
            self._in_body = True
        if tag == "style" and self._in_body:
            self.problems.append("a <style> element in the body")
        a = dict(attrs)
        for name, _ in attrs:
            if name not in ATTRIBUTES or name.startswith("on"):
                self.problems.append(f"unexpected attribute {name} on <{tag}>")
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "href" in a:
            self.hrefs.append(a["href"] or "")
        classes = (a.get("class") or "").split()
        if tag == "article" and "finding" in classes:
            self.findings[a.get("data-finding-id")] = (a.get("data-verdict"), a.get("id"))
        if tag == "mark" and "claim-span" in classes:
            self._mark = (a.get("data-finding-id"), a.get("data-claim"))
            self.marks[self._mark] = ""

    def handle_endtag(self, tag):
        if tag == "mark":
            self._mark = None

    def handle_data(self, data):
        if self._mark is not None:
            self.marks[self._mark] += data
        if self._in_body:
            self.text.append(data)


def main(argv):
    report_path, dom_path = argv[1], argv[2]
    hostile = argv[4:] if len(argv) > 3 and argv[3] == "--hostile" else []
    with open(report_path, encoding="utf-8") as f:
        report = json.load(f)
    with open(dom_path, encoding="utf-8") as f:
        dom_text = f.read()
    dom = Dom()
    dom.feed(dom_text)
    dom.close()
    problems = list(dom.problems)

    findings = report.get("findings", [])
    claims = 0
    for finding in findings:
        fid = finding["id"]
        if fid not in dom.findings:
            problems.append(f"finding {fid} is not in the page")
            continue
        verdict, element_id = dom.findings[fid]
        if verdict != finding["verdict"]:
            problems.append(f"finding {fid}: verdict {verdict}, expected {finding['verdict']}")
        if element_id != "f-" + slug(fid):
            problems.append(f"finding {fid}: id {element_id}")
        for i, claim in enumerate(finding.get("claims", [])):
            claims += 1
            mark = dom.marks.get((fid, str(i)))
            if mark is None:
                problems.append(f"finding {fid} claim {i}: no highlighted span")
            elif mark != claim.get("matchedText", ""):
                problems.append(
                    f"finding {fid} claim {i}: highlight {mark!r}, matched text "
                    f"{claim.get('matchedText')!r}")
    if len(dom.findings) != len(findings):
        problems.append(f"{len(dom.findings)} findings in the page, {len(findings)} in the report")
    if len(dom.marks) != claims:
        problems.append(f"{len(dom.marks)} highlights in the page, {claims} claims in the report")

    for href in dom.hrefs:
        if href.startswith("#"):
            if href[1:] not in dom.ids:
                problems.append(f"link to a missing fragment: {href}")
        elif not re.match(r"https?://[^/\s]", href, re.IGNORECASE):
            problems.append(f"unsafe link: {href!r}")

    body_text = "".join(dom.text)
    for text in hostile:
        if text not in body_text:
            problems.append(f"not shown as text: {text!r}")

    for p in problems:
        print("FAIL:", p)
    if problems:
        return 1
    print(f"ok: {len(findings)} findings, {claims} highlighted spans, {len(dom.hrefs)} links")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
