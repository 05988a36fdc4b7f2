"""One exception base and one catalogue of messages.

Messages are in Vietnamese for clerks; each names the file (and the place when there is one) and
says what to do. Only the CLI turns these exceptions into exit codes.
"""

from __future__ import annotations

MESSAGES = {
    "missing": "Không tìm thấy tệp “{path}”. Hãy kiểm tra lại đường dẫn và tên tệp.",
    "directory": "“{path}” là một thư mục, không phải một tệp. Hãy chỉ ra một tệp văn bản cụ thể.",
    "empty": "Tệp “{path}” rỗng (không có nội dung). Hãy chọn tệp văn bản đã có nội dung.",
    "binary": (
        "Tệp “{path}” không phải văn bản đọc được (tệp nhị phân hoặc định dạng lạ). "
        "Hãy dùng tệp .docx, .doc, .txt, .md, .html hoặc .pdf có lớp chữ."
    ),
    "unsupported": (
        "Không đọc được định dạng “{suffix}” của tệp “{path}”. "
        "Hãy lưu văn bản thành .docx, .txt, .md hoặc .pdf rồi thử lại."
    ),
    "corrupt_docx": (
        "Tệp “{path}” không phải tệp Word (.docx) hợp lệ hoặc đã bị hỏng ({detail}). "
        "Hãy mở tệp bằng Word/LibreOffice và lưu lại dưới dạng .docx."
    ),
    "encrypted_docx": (
        "Tệp “{path}” được đặt mật khẩu. Hãy mở bằng Word, bỏ mật khẩu "
        "(Tệp → Thông tin → Bảo vệ tài liệu) rồi lưu lại."
    ),
    "zip_bomb": (
        "Tệp “{path}” bị từ chối: khi giải nén, nội dung vượt quá {limit_mb} MB "
        "(nghi là tệp nén độc hại). Hãy kiểm tra nguồn gốc tệp."
    ),
    "legacy_encoding": (
        "Tệp “{path}” dùng bảng mã cũ {encoding}. Không chuyển được sang Unicode: {detail}. "
        "Hãy mở bằng Unikey (công cụ chuyển mã) chuyển sang Unicode rồi thử lại."
    ),
    "undecodable": (
        "Không nhận ra bảng mã của tệp “{path}” (dòng {line}). "
        "Hãy lưu lại tệp với bảng mã UTF-8."
    ),
    "pdf_no_text": (
        "Tệp PDF “{path}” không có lớp chữ (có thể là bản quét). "
        "Hãy dùng bản Word gốc hoặc nhận dạng chữ (OCR) trước."
    ),
    "corrupt_html": (
        "Tệp “{path}” không phải trang web (HTML) đọc được ({detail}). "
        "Hãy mở trang bằng trình duyệt và lưu lại (Lưu thành → Trang web, chỉ HTML), hoặc lưu văn bản thành .docx."
    ),
    "corrupt_pdf": "Tệp PDF “{path}” bị hỏng hoặc không đọc được ({detail}).",
    "doc_needs_libreoffice": (
        "Tệp “{path}” là định dạng Word 97–2003 (.doc). Cần LibreOffice để chuyển đổi: "
        "cài bằng lệnh “apt-get install libreoffice-writer”, hoặc mở tệp bằng Word và lưu thành .docx."
    ),
    "doc_conversion_failed": (
        "Không chuyển được tệp “{path}” sang .docx bằng LibreOffice ({detail}). "
        "Hãy mở tệp bằng Word và lưu thành .docx."
    ),
    "no_structure": (
        "Tệp “{path}” không có cấu trúc của một văn bản hành chính (không thấy tên loại văn bản, "
        "số ký hiệu, căn cứ hay các mục đánh số I., 1., a)). Hãy kiểm tra đúng tệp chưa."
    ),
    "template_missing": (
        "Không tìm thấy mẫu văn bản “{path}”. Hãy kiểm tra đường dẫn của --template "
        "(mẫu gốc nằm trong thư mục templates/)."
    ),
    "template_unreadable": (
        "Mẫu văn bản “{path}” không mở được ({detail}). Hãy chỉ ra một tệp .docx hợp lệ "
        "(mẫu gốc nằm trong thư mục templates/)."
    ),
    "template_error": (
        "Mẫu văn bản “{path}” có thẻ sai ({detail}). Hãy mở mẫu, sửa thẻ {{{{ … }}}} / {{% … %}} "
        "theo templates/README.md rồi thử lại."
    ),
    "pdf_needs_libreoffice": (
        "Cần LibreOffice để xuất PDF từ “{path}”: cài bằng lệnh “apt-get install libreoffice-writer”. "
        "Tệp .docx đã được ghi."
    ),
    "pdf_conversion_failed": "LibreOffice không chuyển được “{path}” sang PDF ({detail}).",
    "bad_plan_json": (
        "Tệp “{path}” không phải JSON của một kế hoạch (dòng {line}: {detail}). "
        "Hãy dùng tệp do lệnh “drafting parse … --format json” tạo ra."
    ),
    "bad_values": (
        "Tệp giá trị “{path}” không đọc được (dòng {line}: {detail}). Hãy viết mỗi dòng dạng "
        "“khóa: giá trị”, ví dụ “nguoi_ky: Nguyễn Văn A”."
    ),
    "output_is_directory": (
        "“{path}” là một thư mục: hãy ghi rõ tên tệp kết quả, ví dụ -o {path}/ke-hoach.docx."
    ),
    "output_unwritable": (
        "Không ghi được tệp “{path}” ({detail}). Hãy chọn thư mục có quyền ghi và tên tệp ngắn hơn."
    ),
    "redline_needs_docx": (
        "“{path}” không phải tệp .docx: bản có theo dõi thay đổi (--docx) cần cả hai văn bản ở dạng .docx. "
        "Hãy mở bằng Word và lưu thành .docx."
    ),
    "redline_missing": (
        "Chưa cài bộ so sánh Word để ghi “{path}” có theo dõi thay đổi: chạy “pip install 'drafting[redline]'” "
        "(gói python-redlines-docxodus) rồi thử lại."
    ),
    "redline_failed": "Không tạo được bản có theo dõi thay đổi “{path}” ({detail}).",
    "not_a_plan": (
        "Tệp “{path}” không có các mục đánh số (I., 1., a) …) để soạn kế hoạch cấp dưới: hãy chọn "
        "kế hoạch của cấp trên, không phải công văn hay báo cáo."
    ),
    "fix_same_file": (
        "Lệnh check --fix không ghi đè tệp gốc “{path}”: hãy chọn tệp kết quả khác, ví dụ -o ban-da-sua.docx."
    ),
    "fix_needs_output": "Lệnh check --fix cần tên tệp kết quả: thêm -o TEP-DA-SUA.docx.",
    "check_needs_word": (
        "Lệnh check kiểm tra thể thức tệp Word (.docx, .doc); “{path}” là tệp {suffix}. "
        "Hãy kiểm tra bản Word của văn bản."
    ),
    "level_mismatch": (
        "“{unit}” là đơn vị cấp xã: bỏ --level district (dùng cho huyện, thị xã trước 2025) "
        "hoặc ghi tên huyện, ví dụ --unit “huyện Ninh Hải”."
    ),
    "too_large": (
        "Tệp “{path}” quá lớn ({size_mb} MB, giới hạn {limit_mb} MB). Hãy tách văn bản hoặc kiểm tra tệp."
    ),
    "unit_ambiguous": (
        "Tên “{name}” ứng với nhiều đơn vị hành chính: {candidates}. Hãy thêm --province (tên tỉnh, thành phố) "
        "hoặc ghi đầy đủ tên đơn vị kèm loại (xã, phường, đặc khu, huyện…), ví dụ: {example}."
    ),
    "unit_unknown": (
        "Không tìm thấy {what} “{name}”{where}. {suggestions} Hãy kiểm tra chính tả (gõ có dấu hay không dấu "
        "đều được) và đối chiếu với danh mục đơn vị hành chính: từ ngày 01/7/2025 có 34 tỉnh, thành phố và "
        "3.321 xã, phường, đặc khu (theo các nghị quyết của Ủy ban Thường vụ Quốc hội về sắp xếp đơn vị hành chính "
        "cấp xã của từng tỉnh); trước đó có 63 tỉnh, thành phố."
    ),
}


class DraftingError(Exception):
    """Base of every error the toolkit reports to a user. exit_code 1: bad input; 2: usage."""

    exit_code = 1

    def __init__(self, key: str, **values: object) -> None:
        self.key = key
        self.values = values
        super().__init__(MESSAGES[key].format(**values))


def catalogue_message(catalogue: str, key: str, **values: object) -> str:
    """A message of a job's own catalogue: the "messages" of ``drafting/data/<catalogue>.json``, filled in."""
    from drafting.data_files import load

    return str(load(catalogue)["messages"][key]).format(**values)


class CatalogueError(DraftingError):
    """An error said from a job's own catalogue (`catalogue_message`)."""

    catalogue = ""

    def __init__(self, key: str, **values: object) -> None:
        self.key = key
        self.values = values
        Exception.__init__(self, catalogue_message(self.catalogue, key, **values))


class InputError(DraftingError):
    """The file given cannot be read as a document."""


class UsageError(DraftingError):
    """The command was called wrongly (a missing file, a directory)."""

    exit_code = 2
