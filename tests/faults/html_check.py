"""A strict enough check of a page's HTML without a validator: the doctype, every element
closed in order, ids unique, one `main` and one `h1`, the landmarks a screen reader uses."""

from html.parser import HTMLParser

VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
}  # fmt: skip


class _Structure(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.doctype = ""
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.ids: list[str] = []
        self.seen: list[str] = []
        self.html_lang = ""

    def handle_decl(self, decl):
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.seen.append(tag)
        if tag == "html":
            self.html_lang = attributes.get("lang") or ""
        if "id" in attributes:
            self.ids.append(attributes["id"])
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else '-'}>")
            return
        self.stack.pop()


def structure_problems(html: str) -> list[str]:
    parser = _Structure()
    parser.feed(html)
    parser.close()
    problems = list(parser.errors)
    if parser.doctype.lower() != "doctype html":
        problems.append(f"doctype is {parser.doctype!r}")
    if parser.stack:
        problems.append(f"unclosed: {parser.stack}")
    duplicates = {i for i in parser.ids if parser.ids.count(i) > 1}
    if duplicates:
        problems.append(f"duplicate ids: {sorted(duplicates)}")
    if not parser.html_lang:
        problems.append("<html> has no lang")
    for landmark in ("header", "main", "footer", "h1", "title"):
        if parser.seen.count(landmark) != 1:
            problems.append(f"{parser.seen.count(landmark)} <{landmark}> elements")
    return problems
