"""Text files in every encoding clerks' machines produce parse to the same NFC plan."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from drafting import parse_file
from drafting.data_files import load
from drafting.errors import InputError
from drafting.readers.encoding import detect_legacy

from conftest import SEEDS

SEED = SEEDS[2]  # 002, Kon Tum


def _outline(path: Path) -> tuple:
    plan = parse_file(path)
    return plan.meta.title, plan.meta.date, [s.title for s in plan.all_sections()], plan.recipients


@pytest.mark.parametrize(
    ("name", "encode"),
    [
        ("utf8-bom", lambda text: b"\xef\xbb\xbf" + text.encode("utf-8")),
        ("utf16-le-bom", lambda text: text.encode("utf-16")),
        ("utf16-be-bom", lambda text: b"\xfe\xff" + text.encode("utf-16-be")),
        ("utf16-le-no-bom", lambda text: text.encode("utf-16-le")),
        ("nfd", lambda text: unicodedata.normalize("NFD", text).encode("utf-8")),
        ("crlf", lambda text: text.replace("\n", "\r\n").encode("utf-8")),
    ],
)
def test_unicode_forms_parse_alike(tmp_path: Path, name: str, encode) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / f"{name}.txt"
    target.write_bytes(encode(SEED.read_text(encoding="utf-8")))
    assert _outline(target) == _outline(SEED)
    assert parse_file(target).meta.title == unicodedata.normalize("NFC", parse_file(target).meta.title or "")


def _to_tcvn3(text: str) -> bytes:
    """Encode as a .VnTime-era file: each letter to its TCVN3 byte (capitals lose their tone there)."""
    table = {letter: int(code, 16) for code, letter in load("tcvn3")["map"].items()}
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        if char in table:
            out.append(table[char])
        elif char.lower() in table:
            out.append(table[char.lower()])
        elif ord(char) < 128:
            out.append(ord(char))
        else:
            out += b"?"
    return bytes(out)


def test_tcvn3_file_is_converted_to_unicode(tmp_path: Path) -> None:
    target = tmp_path / "tcvn3.txt"
    target.write_bytes(_to_tcvn3(SEED.read_text(encoding="utf-8")))
    plan = parse_file(target)
    assert plan.source.encoding == "8-bit+tcvn3"
    assert plan.meta.date == "2024-07-22"
    assert [s.label for s in plan.sections] == ["I", "II", "III", "IV", "V"]
    assert plan.sections[0].children[0].title.lower() == "mục đích"
    assert "©" not in plan.sections[0].children[0].children[0].title


def test_tcvn3_mojibake_inside_unicode_text_is_converted(tmp_path: Path) -> None:
    """Text pasted from a .VnTime document into a Unicode file: "Uû ban nh©n d©n"."""
    target = tmp_path / "pasted.txt"
    target.write_text(_to_tcvn3(SEED.read_text(encoding="utf-8")).decode("latin-1"), encoding="utf-8")
    plan = parse_file(target)
    assert plan.source.encoding == "utf-8+tcvn3"
    assert plan.legal_bases[0].issuer == "Thủ tướng Chính phủ"
    assert plan.legal_bases[0].number == "539"


def test_vni_text_is_refused_with_the_encoding_named(tmp_path: Path) -> None:
    target = tmp_path / "vni.txt"
    vni = "COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM\nÑoäc laäp - Töï do - Haïnh phuùc\nKEÁ HOAÏCH\n"
    target.write_text(vni * 5 + "I. MUÏC ÑÍCH, YEÂU CAÀU\n1. Muïc ñích\n", encoding="utf-8")
    assert detect_legacy(target.read_text(encoding="utf-8")) == "VNI"
    with pytest.raises(InputError, match="VNI"):
        parse_file(target)
    assert "vni.txt" in str(pytest.raises(InputError, parse_file, target).value)
