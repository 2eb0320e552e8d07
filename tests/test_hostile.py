"""Broken and hostile input: each ends with one clear error line, or a ranking with the problem reported."""

import contextlib
import hashlib
import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import programscore as ps
from programscore.cli import main

XLSX = Path("data/programmes.xlsx")


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


def workbook_with(sheet_xml_change) -> bytes:
    source = zipfile.ZipFile(XLSX)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = sheet_xml_change(data)
            target.writestr(item, data)
    return buffer.getvalue()


def test_zip_bomb_is_refused_before_inflating(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (64 << 20))
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(buffer.getvalue())
    result = run("score", path)
    assert result.exit_code == 1
    assert result.output.startswith(
        f"Error: {path}: refused: xl/worksheets/sheet1.xml would inflate to 67,108,864 bytes"
    )
    assert result.output.endswith("(a zip bomb?)\n")


def test_xml_entity_bomb_is_not_expanded(tmp_path):
    entities = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10 if i else "lol"}">' for i in range(10))

    def change(data: bytes) -> bytes:
        text = data.decode()
        start = text.index("<worksheet")
        return (
            f'<?xml version="1.0"?><!DOCTYPE bomb [{entities}]>' + text[start:].replace("<v>", "<v>&l9;", 1)
        ).encode()

    path = tmp_path / "entities.xlsx"
    path.write_bytes(workbook_with(change))
    frame = ps.read_sheet(path)  # the entity is left alone, not expanded into gigabytes
    assert len(frame) == 21


def test_truncated_and_fake_workbooks(tmp_path):
    truncated = tmp_path / "cut.xlsx"
    truncated.write_bytes(XLSX.read_bytes()[: XLSX.stat().st_size // 2])
    result = run("score", truncated)
    assert (
        result.exit_code == 1
        and result.output == f"Error: {truncated}: a damaged or truncated workbook (File is not a zip file)\n"
    )
    fake = tmp_path / "fake.xlsx"
    fake.write_bytes(b"Programme,Length\nA,1 year\n")
    result = run("score", fake)
    assert (
        result.output == f"Error: {fake}: not a .xlsx workbook (the file is not a zip or Excel file); is it misnamed?\n"
    )


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "the file is empty"),
        (
            b"Programme,Length,Fees,Careers support,Industry links,Placement\n",
            "the sheet has a header row but no programmes under it",
        ),
        (bytes(range(256)) * 50, "not a text file in UTF-8, UTF-16 or Windows-1252"),
    ],
)
def test_empty_header_only_and_binary(tmp_path, content, message):
    path = tmp_path / "p.csv"
    path.write_bytes(content)
    result = run("score", path)
    assert result.exit_code == 1 and message in result.output and "Traceback" not in result.output


def test_nul_bytes_are_removed_with_a_warning(tmp_path):
    path = tmp_path / "nul.csv"
    path.write_bytes(Path("data/programmes.csv").read_bytes().replace(b"MSc Data Science,", b"MSc Data\0 Science,", 1))
    frame = ps.read_sheet(path)
    assert frame.attrs["notices"] == [f"warning: {path} holds NUL bytes; they were removed"]
    assert frame.iloc[0, 0] == "MSc Data Science"


def test_a_failed_write_leaves_no_file_and_the_input_unchanged(tmp_path, monkeypatch):
    source = tmp_path / "in.csv"
    source.write_bytes(Path("data/programmes.csv").read_bytes())
    before = hashlib.sha256(source.read_bytes()).hexdigest()
    target = tmp_path / "ranked.xlsx"

    def crash(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("programscore.reports.os.replace", crash)
    result = run("score", source, "-o", target)
    assert result.exit_code == 1
    assert result.output == f"Error: {target}: cannot write (No space left on device)\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"]
    assert hashlib.sha256(source.read_bytes()).hexdigest() == before


def test_output_naming_the_input_is_refused(tmp_path):
    source = tmp_path / "in.csv"
    source.write_bytes(Path("data/programmes.csv").read_bytes())
    result = run("score", source, "-o", source, "-f", "csv")
    assert result.exit_code == 1 and "that is the input file; programscore never writes over a file it reads" in result.output


def test_password_protected_workbook():
    # tests/fixtures/protected.xlsx: data/programmes.xlsx encrypted with the password "secret" (msoffcrypto-tool)
    result = run("score", "tests/fixtures/protected.xlsx")
    assert result.exit_code == 1
    assert result.output == (
        "Error: tests/fixtures/protected.xlsx: the workbook is password-protected; save an unprotected copy and read that\n"
    )


# --- fuzzing the readers: whatever the bytes, only programscore's own errors come out -------------

CSV_PIECES = [b",", b";", b"\t", b"|", b'"', b"\n", b"\r\n", b"\r", b"\x00", b"\xef\xbb\xbf", b"\xff\xfe", b"\xe9",
              b"Programme", b"Tuition fees", b"Length", b"\xc2\xa39,250 / year", b"1 year", b"=cmd", b"  ", b"1e400"]  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(CSV_PIECES), st.binary(max_size=20)), max_size=60))
def test_fuzz_text_reader(pieces):
    data = b"".join(pieces)
    try:
        frame = ps.read_sheet(io.BytesIO(data))
    except ps.ProgramscoreError:
        return
    assert frame.attrs["programscore_rows"] and len(frame.columns) == len(set(frame.columns))
    with contextlib.suppress(ps.ProgramscoreError):
        ps.score(frame, "article")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, len(XLSX.read_bytes()) - 1), st.binary(min_size=1, max_size=64), st.booleans())
def test_fuzz_workbook_reader(at, patch, cut):
    data = XLSX.read_bytes()
    data = data[:at] if cut else data[:at] + patch + data[at + len(patch) :]
    with contextlib.suppress(ps.ProgramscoreError):
        ps.read_sheet(io.BytesIO(data))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=200), st.sampled_from(["in.csv", "in.xlsx", "in.ods", "in.tsv"]))
def test_fuzz_any_file(tmp_path_factory, data, name):
    path = tmp_path_factory.mktemp("fuzz") / name
    path.write_bytes(data)
    result = run("check", path)
    assert result.exit_code in (0, 1) and "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
