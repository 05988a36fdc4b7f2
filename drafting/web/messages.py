"""The page's own messages (the library's are those of `DraftingError`, shared with the CLI)."""

from __future__ import annotations

MAX_UPLOAD_MB = 20
MAX_UPLOAD = MAX_UPLOAD_MB * 1024 * 1024

MESSAGES = {
    "too_large": f"Tệp tải lên quá lớn: tối đa {MAX_UPLOAD_MB} MB cho mỗi lần gửi.",
    "missing_file": "Thiếu tệp “{field}”: hãy chọn một tệp để tải lên.",
    "empty_file": "Tệp “{name}” rỗng (0 byte): hãy chọn lại tệp.",
    "missing_field": "Thiếu thông tin “{field}”.",
    "bad_date": "“{value}” không phải một ngày có thật dạng YYYY-MM-DD, ví dụ 2026-03-05.",
    "bad_number": "“{field}” phải là một số nguyên từ {low} đến {high}, không phải “{value}”.",
    "bad_form": "Yêu cầu không đúng dạng multipart/form-data (biểu mẫu có tệp đính kèm).",
    "token": "Cần mã truy cập: mở trang bằng địa chỉ có “?token=…” mà máy chủ đã in ra khi khởi động.",
    "missing_period": ("Thiếu kỳ báo cáo: hãy viết kỳ báo cáo, ví dụ “quý I/2026”, “tháng 6/2026”, "
                       "“6 tháng đầu năm 2026”, “9 tháng năm 2026”, “năm 2026”."),
    "too_many_files": "Quá nhiều tệp trong một lần gửi: tối đa {most} báo cáo. Hãy chia thành nhiều lần tổng hợp.",
    "internal": "Lỗi không lường trước khi xử lý tệp “{name}”; máy chủ vẫn chạy. Hãy báo cho người quản trị.",
}


def message(key: str, **values: object) -> str:
    return MESSAGES[key].format(**values)
