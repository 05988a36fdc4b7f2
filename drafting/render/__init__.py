"""Renderers turn a `Plan` into text or files; they never read files."""
