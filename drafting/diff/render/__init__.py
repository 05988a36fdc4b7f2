"""Renderers of a comparison: terminal text, JSON, a self-contained HTML page, the bảng so sánh DOCX."""
