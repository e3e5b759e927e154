"""The monthly report as Markdown, one self-contained HTML page (inline CSS and SVG), and JSON.

Both text formats come from one list of sections built here, so the Markdown and the page always
say the same thing. Every string from the data is escaped with `html.escape` (also in Markdown,
which passes HTML through). Every number appears as text; charts only repeat it. Every rate comes
with its n, and small samples say so in words. A command in backticks is code in both; a ticket
key links to the ticket in Jira when the report knows where issues open.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC
from html import escape

from shared.jira.keys import KEY_PATTERN
from shared.report.blocks import (
    KEYS,
    NUM,
    Block,
    Chart,
    Figures,
    Fine,
    Note,
    Pair,
    Sub,
    Table,
    month_name,
)
from shared.report.models import MonthlyReport
from shared.report.sections import sections

_CODE = re.compile(r"`([^`\n]+)`")
Link = Callable[[str], str | None]  # a ticket key -> its address in Jira, or None


def _no_links(key: str) -> str | None:
    return None


def _links(report: MonthlyReport) -> Link:
    base = report.browse_url.rstrip("/") if report.browse_url else None
    if base is None:
        return _no_links
    return lambda key: f"{base}/{key}" if KEY_PATTERN.fullmatch(key) else None


def _title(report: MonthlyReport) -> tuple[str, str]:
    at = report.generated_at
    stamp = (at.astimezone(UTC) if at.tzinfo else at).strftime("%Y-%m-%d %H:%M UTC")
    return (
        f"DevOps queue: monthly report, {month_name(report.month)}",
        f"Month {report.month} · generated {stamp}",
    )


# Markdown -----------------------------------------------------------------------------------------
def _md(text: str, *, line_start: bool = False) -> str:
    """Markdown text: HTML escaped, Markdown punctuation escaped, newlines folded into spaces; a
    `command` in backticks stays a code span."""
    parts = _CODE.split(" ".join(text.split()))
    return "".join(
        f"`{part}`" if i % 2 else _md_plain(part, line_start=line_start and i == 0)
        for i, part in enumerate(parts)
    )


def _md_plain(text: str, *, line_start: bool = False) -> str:
    s = escape(text, quote=False)
    s = re.sub(r"([\\`*\[\]|])", r"\\\1", s)
    s = re.sub(r"(?<!\w)_|_(?!\w)", r"\\_", s)
    if line_start:  # would otherwise start a heading, a quote or a list
        s = re.sub(r"^([#>+=-])", r"\\\1", s)
        s = re.sub(r"^(\d+)([.)])(?=\s|$)", r"\1\\\2", s)
    return s


def _md_keys(text: str, link: Link) -> str:
    out = []
    for key in text.split(", "):
        url = link(key)
        out.append(f"[{key}]({url})" if url else _md(key))
    return ", ".join(out)


def _md_block(b: Block, link: Link = _no_links) -> str:
    if isinstance(b, str | Fine):
        return _md(b if isinstance(b, str) else b.text, line_start=True)
    if isinstance(b, list):
        return "\n".join(f"- {_md(item, line_start=True)}" for item in b)
    if isinstance(b, Sub):
        return f"### {_md(b.title)}"
    if isinstance(b, Note):
        return f"> **Note:** {_md(b.text)}"
    if isinstance(b, Figures):
        return "\n".join(f"- **{_md(k)}: {_md(v)}** ({_md(d)})" for k, v, d in b.items)
    if isinstance(b, Pair):
        return "\n\n".join(md for md in (_md_block(b.left, link), _md_block(b.right, link)) if md)
    if isinstance(b, Table):

        def cell(r: int, j: int, v: str) -> str:
            text = _md_keys(v, link) if b.classes.get(j) == KEYS else _md(v)
            return f"**{text}**" if (r, j) in b.strong else text

        cells = [[cell(r, j, v) for j, v in enumerate(row)] for r, row in enumerate(b.rows)]
        rule = ["---:" if b.classes.get(j) == NUM else "---" for j in range(len(b.headers))]
        lines = [[_md(h) for h in b.headers], rule, *cells]
        return f"**{_md(b.caption)}**\n\n" + "\n".join("| " + " | ".join(line) + " |" for line in lines)
    return ""  # a chart: its numbers are in the text and tables around it


def render_markdown(report: MonthlyReport) -> str:
    title, meta = _title(report)
    link = _links(report)
    out = [f"# {_md(title)}", _md(meta)]
    for s in sections(report):
        out.append(f"## {_md(s.title)}")
        out.extend(md for md in (_md_block(b, link) for b in s.blocks) if md)
    return "\n\n".join(out) + "\n"


# HTML ---------------------------------------------------------------------------------------------
CSS = """
*{box-sizing:border-box}
body{margin:0;background:#f1f5f9;color:#0f172a;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,
"Noto Sans","Noto Sans CJK KR","Apple SD Gothic Neo","Malgun Gothic",sans-serif}
main{max-width:1080px;margin:0 auto;padding:28px 40px 48px;background:#fff}
h1{font-size:26px;margin:0 0 4px;line-height:1.25}
h2{font-size:20px;margin:0 0 8px}
h3{font-size:16px;margin:18px 0 6px;color:#1e293b}
.meta{color:#475569;margin:0 0 12px}
nav ul{display:flex;flex-wrap:wrap;gap:2px 18px;margin:0;padding:0;list-style:none;font-size:14px}
a{color:#1d4ed8}
section{border-top:1px solid #e2e8f0;margin-top:26px;padding-top:14px}
p{max-width:82ch}
.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:12px;margin:14px 0}
.figures div{border:1px solid #e2e8f0;border-radius:8px;padding:10px 14px;background:#f8fafc}
.figures dt{font-size:13px;color:#475569}
.figures dd{margin:0}
.big{display:block;font-size:26px;font-weight:650;font-variant-numeric:tabular-nums}
.detail{font-size:12.5px;color:#475569}
.pair{display:grid;grid-template-columns:minmax(0,1fr) auto;gap:32px;align-items:start}
.scroll{overflow-x:auto}
table{border-collapse:collapse;margin:6px 0 14px;font-size:14px;font-variant-numeric:tabular-nums}
caption{text-align:left;font-weight:600;padding:4px 0;color:#334155}
th,td{padding:5px 10px;border-bottom:1px solid #e2e8f0;text-align:left;vertical-align:top}
thead th{background:#f1f5f9;font-weight:600;vertical-align:bottom}
tbody th{font-weight:600}
.num{text-align:right}
td.num,th.name{white-space:nowrap}
td.keys{font:12.5px/1.5 ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;color:#334155}
td.keys span{white-space:nowrap}
td.strong{font-weight:700;background:#dbeafe}
.note{border-left:4px solid #c2410c;background:#fff7ed;padding:8px 12px;max-width:none}
.fine{font-size:13px;color:#475569}
code{font:13px ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;background:#f1f5f9;padding:0 3px;
border-radius:3px}
figure{margin:8px 0 14px}
svg.chart{display:block;max-width:100%;height:auto}
.chart text{font-size:13px;fill:#0f172a}
.chart .val{font-size:12px;fill:#334155}
.chart .axis{font-size:11px;fill:#475569}
.chart .inbar{font-size:12px;fill:#fff;font-weight:600}
.chart .grid{stroke:#e2e8f0}
.chart .base{stroke:#94a3b8}
@media (max-width:820px){main{padding:16px}.pair{grid-template-columns:1fr}}
@media print{body{background:#fff;font-size:10pt}main{max-width:none;padding:0}nav{display:none}
a{color:inherit;text-decoration:none}table,figure,.figures,.pair{break-inside:avoid}h2,h3{break-after:avoid}
.figures div{background:#fff}}
"""


def _html_text(text: str) -> str:
    """Escaped text; a `command` in backticks as <code>."""
    parts = _CODE.split(text)
    return "".join(f"<code>{escape(p)}</code>" if i % 2 else escape(p) for i, p in enumerate(parts))


def _html_key(key: str, link: Link) -> str:
    url = link(key)
    inner = f'<a href="{escape(url)}">{escape(key)}</a>' if url else escape(key)
    return f"<span>{inner}</span>"


def _cell(tag: str, text: str, cls: str | None, scope: str = "", link: Link = _no_links) -> str:
    attrs = (f' scope="{scope}"' if scope else "") + (f' class="{cls}"' if cls else "")
    if cls and KEYS in cls.split():  # ticket keys wrap between keys, never inside one ("OPS-\n4047")
        return f"<{tag}{attrs}>" + ", ".join(_html_key(k, link) for k in text.split(", ")) + f"</{tag}>"
    return f"<{tag}{attrs}>{escape(text)}</{tag}>"


def _html_table(b: Table, link: Link = _no_links) -> str:
    head = "".join(
        _cell("th", h, NUM if b.classes.get(j) == NUM else None, "col") for j, h in enumerate(b.headers)
    )
    rows = []
    for r, row in enumerate(b.rows):
        cells = []
        for j, v in enumerate(row):
            cls = " ".join(c for c in (b.classes.get(j), "strong" if (r, j) in b.strong else "") if c) or None
            cells.append(_cell("th", v, cls, "row") if j == b.header_col else _cell("td", v, cls, link=link))
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (
        f'<div class="scroll"><table><caption>{escape(b.caption)}</caption><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _html_block(b: Block, link: Link = _no_links) -> str:
    if isinstance(b, str):
        return f"<p>{_html_text(b)}</p>"
    if isinstance(b, list):
        return "<ul>" + "".join(f"<li>{_html_text(item)}</li>" for item in b) + "</ul>"
    if isinstance(b, Sub):
        return f"<h3>{escape(b.title)}</h3>"
    if isinstance(b, Note):
        return f'<p class="note" role="note">{_html_text(b.text)}</p>'
    if isinstance(b, Fine):
        return f'<p class="fine">{_html_text(b.text)}</p>'
    if isinstance(b, Chart):
        return f"<figure>{b.svg}</figure>"  # built by charts.py, which escapes every string in it
    if isinstance(b, Pair):
        left, right = _html_block(b.left, link), _html_block(b.right, link)
        return f'<div class="pair"><div>{left}</div><div>{right}</div></div>'
    if isinstance(b, Figures):
        return (
            '<dl class="figures">'
            + "".join(
                f'<div><dt>{escape(k)}</dt><dd><span class="big">{escape(v)}</span>'
                f'<span class="detail">{escape(d)}</span></dd></div>'
                for k, v, d in b.items
            )
            + "</dl>"
        )
    return _html_table(b, link)


def render_html(report: MonthlyReport) -> str:
    title, meta = _title(report)
    parts = sections(report)
    link = _links(report)
    nav = "".join(f'<li><a href="#{escape(s.anchor)}">{escape(s.title)}</a></li>' for s in parts)
    body = "".join(
        f'<section id="{escape(s.anchor)}" aria-labelledby="{escape(s.anchor)}-h">'
        f'<h2 id="{escape(s.anchor)}-h">{escape(s.title)}</h2>'
        f'{"".join(_html_block(b, link) for b in s.blocks)}</section>'
        for s in parts
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{CSS}</style></head><body><main><header>"
        f'<h1>{escape(title)}</h1><p class="meta">{escape(meta)}</p>'
        f'<nav aria-label="Sections"><ul>{nav}</ul></nav></header>{body}</main></body></html>\n'
    )


def render_json(report: MonthlyReport) -> str:
    return report.model_dump_json(indent=2)
