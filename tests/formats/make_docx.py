#!/usr/bin/env python3
"""Writes numbered-speech.docx: a short speech whose outline markers are
Word's own automatic numbering, not typed text. Its plain-text twin,
numbered-speech.txt, holds the same speech with the markers a reader sees.

Sections are numbered through their paragraph style (Heading1Numbered, a
style with numPr), points and sub-points through numPr set on the paragraph.
The last sections sit in a table cell. Only the standard library is used:

    python3 tests/formats/make_docx.py
"""

import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
</Types>"""

RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""

DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>"""


def lvl(ilvl, fmt, text, suff):
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:suff w:val="{suff}"/><w:lvlJc w:val="left"/></w:lvl>')


NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W}">
<w:abstractNum w:abstractNumId="0">
{lvl(0, "chineseCounting", "%1、", "nothing")}
{lvl(1, "chineseCounting", "（%2）", "nothing")}
{lvl(2, "decimal", "%3.", "space")}
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"""

STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W}">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1Numbered"><w:name w:val="标题 1 编号"/><w:basedOn w:val="Heading1"/>
<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
</w:styles>"""


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def para(text, style=None, ilvl=None, split=False):
    """A paragraph; `split` cuts the text into two runs, as Word often does."""
    ppr = ""
    if style or ilvl is not None:
        ppr = "<w:pPr>"
        if style:
            ppr += f'<w:pStyle w:val="{style}"/>'
        if ilvl is not None:
            ppr += f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="1"/></w:numPr>'
        ppr += "</w:pPr>"
    if split and len(text) > 4:
        runs = [text[:3], text[3:]]
    else:
        runs = [text]
    body = "".join(f'<w:r><w:t xml:space="preserve">{esc(r)}</w:t></w:r>' for r in runs)
    return f"<w:p>{ppr}{body}</w:p>"


# (kind, text): kind is "p" for a plain paragraph, "s" a section, "1" a
# point, "2" a sub-point. The twin writes the marker Word shows.
SPEECH = [
    ("p", "在全市作风建设大会上的讲话"),
    ("p", "同志们："),
    ("p", "今天召开全市作风建设大会，主要任务是部署下一阶段工作。"),
    ("s", "充分认识作风建设的重要意义"),
    ("p", "作风建设是党的建设的重要内容，关系人心向背。"),
    ("1", "作风建设事关党的形象。群众看党，首先看干部的作风。"),
    ("1", "作风建设事关事业成败。好的作风是干成事业的保证。"),
    ("s", "准确把握作风建设的重点任务"),
    ("1", "着力解决形式主义问题。"),
    ("2", "精简会议文件，能合并的会议一律合并。"),
    ("2", "规范督查检查，不搞层层加码。"),
    ("1", "着力解决官僚主义问题。要深入基层，解决群众急难愁盼问题。"),
    ("table", None),
    ("s", "切实加强组织领导"),
    ("p", "各级党委要担负主体责任，主要负责同志要亲自抓。"),
    ("1", "健全工作机制。要建立台账，逐项销号。"),
    ("1", "强化监督问责。对顶风违纪的，要严肃追责。"),
    ("end", None),
    ("p", "同志们，作风建设永远在路上。让我们以更加务实的作风，推动各项工作落地见效。"),
    ("p", "谢谢大家！"),
]


def build():
    counters = [0, 0, 0]
    chinese = "一二三四五六七八九十"
    twin, body = [], []
    cell = None
    for kind, text in SPEECH:
        if kind == "table":
            cell = []
            continue
        if kind == "end":
            body.append('<w:tbl><w:tblPr/><w:tr><w:tc><w:tcPr/>' + "".join(cell) + "</w:tc></w:tr></w:tbl>")
            cell = None
            continue
        out = body if cell is None else cell
        if kind == "p":
            out.append(para(text, split=True))
            twin.append(text)
            continue
        level = {"s": 0, "1": 1, "2": 2}[kind]
        counters[level] += 1
        for deeper in range(level + 1, 3):
            counters[deeper] = 0
        n = counters[level]
        if level == 0:
            out.append(para(text, style="Heading1Numbered", split=True))
            twin.append(f"{chinese[n - 1]}、{text}")
        elif level == 1:
            out.append(para(text, ilvl=1, split=True))
            twin.append(f"（{chinese[n - 1]}）{text}")
        else:
            out.append(para(text, ilvl=2))
            twin.append(f"{n}. {text}")
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<w:document xmlns:w="{W}"><w:body>{"".join(body)}<w:sectPr/></w:body></w:document>')
    with zipfile.ZipFile(os.path.join(HERE, "numbered-speech.docx"), "w", zipfile.ZIP_DEFLATED) as z:
        # Fixed timestamps: the same bytes on every run.
        def add(name, data):
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
        add("[Content_Types].xml", CONTENT_TYPES)
        add("_rels/.rels", RELS)
        add("word/_rels/document.xml.rels", DOC_RELS)
        add("word/document.xml", document)
        add("word/numbering.xml", NUMBERING)
        add("word/styles.xml", STYLES)
    with open(os.path.join(HERE, "numbered-speech.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(twin) + "\n")


if __name__ == "__main__":
    build()
