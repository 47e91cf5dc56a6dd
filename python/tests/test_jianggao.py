"""The Python package: parse, chunks, nodes and the LangChain/LlamaIndex shapes."""

from __future__ import annotations

import json
import pathlib

import pytest

import jianggao

SPEECH = (
    "在全县工作会议上的讲话\n"
    "李明\n"
    "2023年4月12日\n"
    "同志们：\n"
    "今天开会。\n"
    "一、总体要求\n"
    "要抓好落实。一是要学理论。二是要学业务。\n"
    "二、保障措施\n"
    "要加强领导，把各项工作落到实处。\n"
    "谢谢大家！\n"
)


@pytest.fixture()
def speech_file(tmp_path: pathlib.Path) -> pathlib.Path:
    path = tmp_path / "speech.txt"
    path.write_text(SPEECH, encoding="utf-8")
    return path


def test_parse_gives_the_document_as_dicts() -> None:
    doc = jianggao.parse(SPEECH)
    assert doc["schema_version"] == jianggao.SCHEMA_VERSION
    assert doc["offsets"] == "chars"
    speech = doc["speeches"][0]
    assert speech["title"] == "在全县工作会议上的讲话"
    assert speech["metadata"]["speaker"] == "李明"
    assert speech["metadata"]["date"] == "2023-04-12"
    titles = [s["title"] for s in speech["sections"]]
    assert titles == ["总体要求", "保障措施"]
    # Character spans slice the str.
    span = speech["sections"][0]["title_span"]
    assert SPEECH[span["start"] : span["end"]] == "总体要求"


def test_parse_of_bytes_decodes_gbk() -> None:
    data = SPEECH.encode("gb18030")
    doc = jianggao.parse(data)
    assert doc["encoding"] == "GB18030"
    text, encoding = jianggao.decode_bytes(data)
    assert (text, encoding) == (SPEECH, "GB18030")
    span = doc["speeches"][0]["sections"][1]["title_span"]
    assert text[span["start"] : span["end"]] == "保障措施"


def test_byte_offsets_on_request() -> None:
    doc = jianggao.parse(SPEECH, offsets="bytes")
    assert "offsets" not in doc
    span = doc["speeches"][0]["sections"][0]["title_span"]
    assert SPEECH.encode()[span["start"] : span["end"]].decode() == "总体要求"
    with pytest.raises(ValueError):
        jianggao.parse(SPEECH, offsets="words")  # type: ignore[arg-type]


def test_parse_file_and_path_arguments(speech_file: pathlib.Path) -> None:
    doc = jianggao.parse_file(speech_file)
    assert doc["file"] == str(speech_file)
    assert jianggao.parse_file(str(speech_file))["speeches"] == doc["speeches"]
    # A pathlib.Path is a file, a str is text.
    assert jianggao.parse(speech_file)["speeches"] == doc["speeches"]
    with pytest.raises(FileNotFoundError, match="nope.txt"):
        jianggao.parse_file(speech_file.parent / "nope.txt")


def test_parse_refuses_binary_and_other_types() -> None:
    with pytest.raises(ValueError):
        jianggao.parse(bytes(range(256)) * 8)
    with pytest.raises(TypeError):
        jianggao.parse(42)  # type: ignore[arg-type]


def test_parse_many_keeps_input_order(tmp_path: pathlib.Path) -> None:
    paths = []
    for i in range(12):
        p = tmp_path / f"{i:02}.txt"
        p.write_text(f"第{i}次会议的讲话\n一、总体要求\n要抓好第{i}项工作。", encoding="utf-8")
        paths.append(p)
    docs = jianggao.parse_many(paths, jobs=3)
    assert [d["file"] for d in docs] == [str(p) for p in paths]
    for i, d in enumerate(docs):
        assert d["speeches"][0]["sections"][0]["paragraphs"][0]["text"] == f"要抓好第{i}项工作。"
    assert jianggao.parse_many([]) == []


def test_parse_many_errors_raise_or_are_included(tmp_path: pathlib.Path, speech_file: pathlib.Path) -> None:
    missing = tmp_path / "missing.txt"
    with pytest.raises(FileNotFoundError):
        jianggao.parse_many([speech_file, missing])
    docs = jianggao.parse_many([speech_file, missing], errors="include")
    assert docs[0]["speeches"]
    assert docs[1]["file"] == str(missing) and "error" in docs[1]


def test_chunks_carry_ids_paths_and_speech_metadata() -> None:
    cs = jianggao.chunks(SPEECH)
    assert [c["text"] for c in cs] == [
        "今天开会。",
        "要抓好落实。",
        "一是要学理论。\n二是要学业务。",
        "要加强领导，把各项工作落到实处。",
    ]
    for c in cs:
        assert len(c["id"]) == 16
        assert c["title"] == "在全县工作会议上的讲话"
        assert c["speaker"] == "李明" and c["date"] == "2023-04-12"
        assert c["heading_path"][0] == c["title"]
        assert len(c["heading_path"]) == c["depth"] + 1
        s = c["span"]
        # One paragraph, or title-only points one per line.
        assert SPEECH[s["start"] : s["end"]].replace("\n", "") == c["text"].replace("\n", "")
    assert cs[0]["depth"] == 0 and cs[0]["marker"] == ""
    assert all(v is not None for c in cs for v in c.values())
    assert cs[1]["heading_path"] == ["在全县工作会议上的讲话", "总体要求"]
    assert cs[1]["marker"] == "一、"
    assert len({c["id"] for c in cs}) == len(cs)
    # Stable: the same input gives the same ids.
    assert [c["id"] for c in jianggao.chunks(SPEECH)] == [c["id"] for c in cs]
    # Parents are rows of the node table.
    ids = {r["id"]: r for r in jianggao.nodes(SPEECH)}
    assert ids[cs[0]["parent_id"]]["kind"] == "speech"
    assert ids[cs[1]["parent_id"]]["title"] == "总体要求"


def test_chunks_merge_small_neighbours_and_prefix_headings() -> None:
    cs = jianggao.chunks(SPEECH, min_chars=30, heading_prefix=True, file="a.txt")
    texts = [c["text"] for c in cs]
    assert texts[1] == "在全县工作会议上的讲话 > 总体要求\n要抓好落实。\n一是要学理论。\n二是要学业务。"
    assert all(c["file"] == "a.txt" for c in cs)
    # Neighbours of different sections stay apart.
    assert len(cs) == 3
    # The file name takes part in the ids.
    assert {c["id"] for c in cs}.isdisjoint(c["id"] for c in jianggao.chunks(SPEECH, min_chars=30))


def test_chunks_respect_max_chars() -> None:
    for c in jianggao.chunks(SPEECH, max_chars=5):
        assert 0 < len(c["text"]) <= 5


def test_nodes_form_a_flat_tree() -> None:
    rows = jianggao.nodes(SPEECH)
    keys = set(rows[0])
    assert keys == {"id", "parent_id", "file", "speech", "depth", "kind", "marker", "ordinal", "title", "text", "span"}
    assert all(set(r) == keys for r in rows)
    assert all(v is not None for r in rows for v in r.values())
    assert [r["kind"] for r in rows] == [
        "speech",
        "paragraph",
        "section",
        "paragraph",
        "point",
        "point",
        "section",
        "paragraph",
    ]
    by_id = {r["id"]: r for r in rows}
    assert rows[0]["parent_id"] == ""
    for r in rows[1:]:
        parent = by_id[r["parent_id"]]
        assert r["depth"] == parent["depth"] + 1
    points = [r for r in rows if r["kind"] == "point"]
    assert [(p["marker"], p["ordinal"], p["title"]) for p in points] == [("一是", 1, "要学理论"), ("二是", 2, "要学业务")]
    para = rows[-1]
    assert SPEECH[para["span"]["start"] : para["span"]["end"]] == para["text"]


def test_nodes_rows_load_into_json_lines() -> None:
    rows = jianggao.nodes(SPEECH, file="a.txt")
    lines = [json.dumps(r, ensure_ascii=False) for r in rows]
    assert [json.loads(line) for line in lines] == rows


def test_nodes_load_into_polars() -> None:
    pl = pytest.importorskip("polars")
    df = pl.DataFrame(jianggao.nodes(SPEECH))
    assert df.height == 8
    assert df.filter(pl.col("kind") == "section")["title"].to_list() == ["总体要求", "保障措施"]


def test_langchain_shape() -> None:
    cs = jianggao.chunks(SPEECH)
    docs = jianggao.to_langchain(cs)
    assert len(docs) == len(cs)
    d = docs[1]
    assert set(d) == {"id", "page_content", "metadata"}
    assert d["id"] == cs[1]["id"]
    assert d["page_content"] == "要抓好落实。"
    assert d["metadata"]["heading"] == "在全县工作会议上的讲话 > 总体要求"
    assert d["metadata"]["parent_id"] == cs[1]["parent_id"]
    assert d["metadata"]["speaker"] == "李明"


def test_llamaindex_shape() -> None:
    cs = jianggao.chunks(SPEECH)
    n = jianggao.to_llamaindex(cs)[1]
    assert set(n) == {"id_", "text", "metadata", "start_char_idx", "end_char_idx"}
    assert SPEECH[n["start_char_idx"] : n["end_char_idx"]] == n["text"]
    assert n["metadata"]["parent_id"] == cs[1]["parent_id"]


def test_typing_files_ship_with_the_package() -> None:
    root = pathlib.Path(jianggao.__file__).parent
    assert (root / "py.typed").exists()
    assert (root / "_jianggao.pyi").exists()


def _cli() -> pathlib.Path:
    root = pathlib.Path(__file__).resolve().parents[2]
    for profile in ("debug", "release"):
        exe = root / "target" / profile / "jianggao"
        if exe.exists():
            return exe
    pytest.skip("the jianggao binary is not built")


def test_cli_nodes_of_a_directory_load_with_polars_read_ndjson(tmp_path: pathlib.Path) -> None:
    import subprocess

    pl = pytest.importorskip("polars")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    # Many unmarked texts first: their rows have no marker, then one with
    # markers. No column may start as all nulls.
    for i in range(40):
        (corpus / f"a{i:02}.txt").write_text(f"同志们：\n今天开第{i}次会。\n谢谢大家！", encoding="utf-8")
    (corpus / "z.txt").write_text(SPEECH, encoding="utf-8")
    out = tmp_path / "nodes.jsonl"
    with out.open("wb") as f:
        subprocess.run([str(_cli()), "nodes", str(corpus)], stdout=f, check=True)
    df = pl.read_ndjson(out)
    assert df.columns == ["id", "parent_id", "file", "speech", "depth", "kind", "marker", "ordinal", "title", "text", "span"]
    assert df.filter(pl.col("kind") == "section")["marker"].to_list() == ["一、", "二、"]
    assert df["file"].str.ends_with("z.txt").sum() == len(jianggao.nodes(SPEECH))
    # The CLI's rows are the package's rows.
    z = df.filter(pl.col("file").str.ends_with("z.txt"))
    assert z["id"].to_list() == [r["id"] for r in jianggao.nodes(corpus / "z.txt")]


def test_parse_gives_the_same_objects_as_the_cli_json(tmp_path: pathlib.Path) -> None:
    import subprocess

    # Points nested two deep, noise and a truncated end: every kind of node.
    text = (
        "首页\n"
        "同志们：\n"
        "一、总体要求\n"
        "（一）抓学习\n"
        "1.学理论。要读原著。\n"
        "2.学业务。要练本领。\n"
        "（二）抓落实\n"
        "要把各项工作落到实处，但是\n"
    )
    path = tmp_path / "nested.txt"
    path.write_text(text, encoding="utf-8")
    doc = jianggao.parse(text)
    assert [p["title"] for p in doc["speeches"][0]["sections"][0]["points"][0]["points"]] == ["学理论", "学业务"]
    out = subprocess.run([str(_cli()), "parse", "--compact", str(path)], capture_output=True, check=True).stdout
    # Same values and the same key order.
    assert json.dumps(jianggao.parse(text.encode("utf-8"), offsets="bytes")) == json.dumps(json.loads(out))
