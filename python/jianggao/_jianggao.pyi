"""Type stubs of the native module ``jianggao._jianggao``."""

import os
from typing import Any, Dict, List, Literal, Optional, Sequence, Tuple, TypedDict, Union

Source = Union[str, bytes, bytearray, "os.PathLike[str]"]
Offsets = Literal["chars", "bytes"]

SCHEMA_VERSION: int

class Span(TypedDict):
    start: int
    end: int

class Chunk(TypedDict):
    """A chunk for retrieval; a missing string is ``""``, never ``None``."""

    id: str
    parent_id: str
    file: str
    speech: int
    depth: int
    marker: str
    title: str
    speaker: str
    date: str
    heading_path: List[str]
    text: str
    span: Span

class NodeRow(TypedDict):
    """A row of the node table; a missing string is ``""``, never ``None``."""

    id: str
    parent_id: str
    file: str
    speech: int
    depth: int
    kind: Literal["speech", "section", "point", "paragraph"]
    marker: str
    ordinal: int
    title: str
    text: str
    span: Span

Document = Dict[str, Any]

def parse(source: Source, *, offsets: Offsets = "chars") -> Document:
    """The Document of a text (str), encoded text (bytes) or file (os.PathLike).

    Plain dicts and lists with the keys, values and key order of the JSON that
    ``jianggao parse`` writes, plus ``"offsets": "chars"`` with character
    offsets and ``file`` for a file.
    """

def parse_file(path: Union[str, "os.PathLike[str]"], *, offsets: Offsets = "chars") -> Document:
    """Reads and parses a file; the Document carries a ``file`` key."""

def parse_many(
    paths: Sequence[Union[str, "os.PathLike[str]"]],
    *,
    jobs: Optional[int] = None,
    offsets: Offsets = "chars",
    errors: Literal["raise", "include"] = "raise",
) -> List[Document]:
    """Parses files in parallel with the GIL released, in input order.

    With ``errors="include"`` a file that fails gives ``{"file", "error"}``.
    """

def chunks(
    source: Source,
    *,
    max_chars: int = 500,
    min_chars: int = 0,
    heading_prefix: bool = False,
    file: Optional[str] = None,
    offsets: Offsets = "chars",
) -> List[Chunk]:
    """Chunks for retrieval."""

def nodes(source: Source, *, file: Optional[str] = None, offsets: Offsets = "chars") -> List[NodeRow]:
    """The flat node table."""

def decode_bytes(data: bytes) -> Tuple[str, str]:
    """``(text, encoding)`` of encoded text, as the parser decodes it."""
