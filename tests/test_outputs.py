"""Where outputs go and what reads once: pipes and devices written into, links followed, signals
cleaned up after; a pipe as INPUT or profile read whole, once."""

from __future__ import annotations

import os
import signal
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from programscore.cli import main
from programscore.errors import ProgramscoreError
from programscore.reports import write_output

SAMPLE = Path("data/programmes.csv").resolve()


def test_a_fifo_output_is_written_into(tmp_path):
    fifo = tmp_path / "out.csv"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = CliRunner().invoke(main, ["score", str(SAMPLE), "-f", "csv", "-o", str(fifo)])
    reader.join(10)
    assert result.exit_code == 0, result.output
    assert received and received[0].startswith(b'"rank","name"')
    assert fifo.is_fifo()  # still a pipe, not replaced by a file


def test_a_fifo_input_and_profile_are_read_once(tmp_path):
    data, profile = tmp_path / "in.csv", tmp_path / "p.toml"
    os.mkfifo(data)
    os.mkfifo(profile)
    text = (Path("src/programscore/profiles/article.toml")).read_bytes()
    writers = [threading.Thread(target=lambda: data.write_bytes(SAMPLE.read_bytes())),
               threading.Thread(target=lambda: profile.write_bytes(text))]  # fmt: skip
    for w in writers:
        w.start()
    result = CliRunner().invoke(main, ["score", str(data), "-p", str(profile), "--top", "1"])
    for w in writers:
        w.join(10)
    assert result.exit_code == 0, result.output
    assert "21 ranked" in result.output


def test_a_symbolic_link_is_followed_and_kept(tmp_path):
    target, link = tmp_path / "real.csv", tmp_path / "link.csv"
    target.write_text("old")
    link.symlink_to(target)
    write_output(b"new", str(link))
    assert link.is_symlink() and target.read_bytes() == b"new"


def test_a_link_to_the_input_is_refused(tmp_path):
    link = tmp_path / "link.csv"
    link.symlink_to(SAMPLE)
    result = CliRunner().invoke(main, ["score", str(SAMPLE), "-o", str(link)])
    assert result.exit_code == 1
    assert "that is the input file; programscore never writes over a file it reads" in result.output


def test_umask_sets_the_mode_of_a_new_file(tmp_path):
    old = os.umask(0o077)
    try:
        write_output(b"x", str(tmp_path / "a.csv"))
    finally:
        os.umask(old)
    assert (tmp_path / "a.csv").stat().st_mode & 0o777 == 0o600
    write_output(b"x", str(tmp_path / "b.csv"))
    assert (tmp_path / "b.csv").stat().st_mode & 0o777 == 0o666 & ~old


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_while_writing_leaves_no_temporary_file(tmp_path, signum):
    seen = []
    previous = signal.signal(signum, lambda s, f: seen.append(s))  # stands for the default: ends the process
    try:
        def writer(stream):
            stream.write(b"half")
            os.kill(os.getpid(), signum)
            stream.write(b"never")

        with pytest.raises(ProgramscoreError, match="stopped by signal"):
            write_output(writer, str(tmp_path / "out.csv"))
    finally:
        signal.signal(signum, previous)
    assert seen == [signum]  # the signal was passed on once the file was cleaned up
    assert list(tmp_path.iterdir()) == []


def test_ctrl_c_while_writing_leaves_no_file(tmp_path):
    def writer(stream):
        stream.write(b"half")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_output(writer, str(tmp_path / "out.csv"))
    assert list(tmp_path.iterdir()) == []


def test_a_read_only_folder_is_one_line(tmp_path, monkeypatch):
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Read-only file system")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(ProgramscoreError, match=r"out.csv: cannot write \(Read-only file system\)"):
        write_output(b"x", str(tmp_path / "out.csv"))
