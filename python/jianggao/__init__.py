"""Parse Chinese speech texts (讲稿) into a typed outline tree.

``parse`` gives the Document as dicts and lists, ``chunks`` gives pieces for
retrieval, ``nodes`` a flat table (one row per speech, section, point and
paragraph) that loads into a data frame as it is. A ``str`` argument is the
text itself, ``bytes`` are encoded text (UTF-8, GB18030/GBK, Big5, UTF-16),
and an ``os.PathLike`` such as ``pathlib.Path`` names a file. Spans count
characters of the (decoded) text by default, so ``text[start:end]`` slices
the source; ``offsets="bytes"`` gives byte offsets into its UTF-8 form.

>>> import jianggao
>>> doc = jianggao.parse("一、总体要求\\n要抓好落实。")
>>> doc["speeches"][0]["sections"][0]["title"]
'总体要求'
"""

from __future__ import annotations

from typing import Any, Dict, Iterable, List, Mapping

from ._jianggao import (
    SCHEMA_VERSION,
    chunks,
    decode_bytes,
    nodes,
    parse,
    parse_file,
    parse_many,
)

__all__ = [
    "SCHEMA_VERSION",
    "chunks",
    "decode_bytes",
    "nodes",
    "parse",
    "parse_file",
    "parse_many",
    "to_langchain",
    "to_llamaindex",
]

__version__ = "0.1.0"

# Chunk keys that go into the metadata of LangChain and LlamaIndex shapes.
_META_KEYS = ("parent_id", "file", "speech", "depth", "marker", "title", "speaker", "date", "heading_path")


def _metadata(chunk: Mapping[str, Any]) -> Dict[str, Any]:
    meta = {k: chunk.get(k) for k in _META_KEYS}
    meta["chunk_id"] = chunk.get("id")
    path = [h for h in chunk.get("heading_path") or [] if h]
    meta["heading"] = " > ".join(path)
    span = chunk.get("span") or {}
    meta["start"] = span.get("start")
    meta["end"] = span.get("end")
    return meta


def to_langchain(chunks: Iterable[Mapping[str, Any]]) -> List[Dict[str, Any]]:
    """Chunks in the shape of LangChain's ``Document``, without importing it.

    Each item is ``{"id", "page_content", "metadata"}``, so
    ``langchain_core.documents.Document(**item)`` builds the document. The
    metadata holds the chunk's other fields, ``heading`` (the heading path
    joined with `` > ``), and ``start``/``end`` of its span.

    >>> import jianggao
    >>> d = jianggao.to_langchain(jianggao.chunks("一、总体要求\\n要抓好落实。"))[0]
    >>> d["page_content"], d["metadata"]["heading"]
    ('要抓好落实。', '总体要求')
    """
    return [{"id": c.get("id"), "page_content": c.get("text", ""), "metadata": _metadata(c)} for c in chunks]


def to_llamaindex(chunks: Iterable[Mapping[str, Any]]) -> List[Dict[str, Any]]:
    """Chunks in the shape of LlamaIndex's ``TextNode``, without importing it.

    Each item is ``{"id_", "text", "metadata", "start_char_idx",
    "end_char_idx"}``, so ``llama_index.core.schema.TextNode(**item)`` builds
    the node; the parent's id is ``metadata["parent_id"]``. Use chunks with
    character offsets (the default) for the ``*_char_idx`` fields.

    >>> import jianggao
    >>> n = jianggao.to_llamaindex(jianggao.chunks("一、总体要求\\n要抓好落实。"))[0]
    >>> n["text"], n["start_char_idx"], n["end_char_idx"]
    ('要抓好落实。', 7, 13)
    """
    out = []
    for c in chunks:
        span = c.get("span") or {}
        out.append(
            {
                "id_": c.get("id"),
                "text": c.get("text", ""),
                "metadata": _metadata(c),
                "start_char_idx": span.get("start"),
                "end_char_idx": span.get("end"),
            }
        )
    return out
