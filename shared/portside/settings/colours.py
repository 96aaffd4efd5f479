"""Brand colours carry white text (the header, buttons): they must be dark enough to read it."""

from __future__ import annotations

MIN_CONTRAST = 4.5  # WCAG 2.1 AA for body text


def _channel(value: int) -> float:
    srgb = value / 255
    return srgb / 12.92 if srgb <= 0.04045 else ((srgb + 0.055) / 1.055) ** 2.4


def contrast_with_white(colour: str) -> float:
    """WCAG 2.1 contrast ratio of white text on ``#rrggbb``."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)
    return 1.05 / (luminance + 0.05)


def readable_under_white_text(colour: str) -> bool:
    return contrast_with_white(colour) >= MIN_CONTRAST
