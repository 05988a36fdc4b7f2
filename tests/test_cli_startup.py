"""The command line answers fast and names itself once.

`drafting check` imports only what checking needs (no spaCy, no DOCX writer, no web server: issue 19 measured
~1 s of start-up, mostly those imports); a usage error points to "drafting --help", not "drafting drafting --help".
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from drafting.cli import main

ROOT = Path(__file__).resolve().parent.parent


def test_the_check_command_does_not_import_what_it_does_not_use() -> None:
    code = ("import sys, drafting.cli; from drafting.check import check_docx; "
            "check_docx('corpus/realdocx/vbai_BC_CCHC_nam2025_LamDong.docx'); "  # the content rules parse it too
            "print(sorted(m for m in ('spacy', 'docxtpl', 'starlette', 'underthesea', 'pypdf', 'drafting.draft', "
            "'drafting.render.docx_writer', 'drafting.nlp.pipeline') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize(("arguments", "hint"), [
    (["--bogus"], "Xem “drafting --help”."),
    (["nope"], "Xem “drafting --help”."),
    (["check"], "Xem “drafting check --help”."),
    (["check", "a.docx", "b.docx"], "Xem “drafting check --help”."),
])
def test_a_usage_error_names_the_program_once(arguments: list[str], hint: str) -> None:
    result = CliRunner().invoke(main, arguments, prog_name="drafting")
    assert result.exit_code == 2
    assert result.output.rstrip().endswith(hint) and "drafting drafting" not in result.output
    assert ". Xem" in result.output  # the message ends with its full stop before the hint


def test_run_from_a_checkout_the_program_is_still_drafting() -> None:
    """`python cli.py --bogus`: click would call the program "cli.py"; the hint says the installed name."""
    result = subprocess.run([sys.executable, "cli.py", "--bogus"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 2 and result.stderr.rstrip().endswith("Xem “drafting --help”.")
