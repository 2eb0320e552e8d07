"""Broken and hostile input: each ends with one clear error line, or a ranking with the problem reported."""

import hashlib
import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

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
    assert result.exit_code == 1 and "that is the input file; programscore never writes over its input" in result.output


def test_password_protected_workbook():
    # tests/fixtures/protected.xlsx: data/programmes.xlsx encrypted with the password "secret" (msoffcrypto-tool)
    result = run("score", "tests/fixtures/protected.xlsx")
    assert result.exit_code == 1
    assert result.output == (
        "Error: tests/fixtures/protected.xlsx: the workbook is password-protected; save an unprotected copy and read that\n"
    )
