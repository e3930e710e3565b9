"""Small syntax highlighters for the XML editor and the diff shown before applying."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from kvmgui.ui.theme import is_dark


def _format(light: str, dark: str, bold: bool) -> QTextCharFormat:
    """A colour for light palettes and one for dark ones (the palette of now)."""
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(dark if is_dark() else light))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    return fmt


class _RuleHighlighter(QSyntaxHighlighter):
    """Colours each line by regular expressions, later rules over earlier ones."""

    # (pattern, colour on light palettes, on dark ones, bold)
    RULES: tuple[tuple[str, str, str, bool], ...] = ()

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._rules = [(QRegularExpression(pattern), _format(light, dark, bold))
                       for pattern, light, dark, bold in self.RULES]

    def highlightBlock(self, text: str) -> None:
        for expression, fmt in self._rules:
            matches = expression.globalMatch(text)
            while matches.hasNext():
                match = matches.next()
                self.setFormat(match.capturedStart(), match.capturedLength(), fmt)


class XmlHighlighter(_RuleHighlighter):
    """Tags, attribute names, attribute values and comments (one line at a time:
    libvirt writes its XML with one element per line)."""

    RULES = (
        (r"</?[\w:.-]+|/?>", "#1f4e9c", "#8cb4ff", True),
        (r"\b[\w:.-]+(?==)", "#8a3b00", "#ffb074", False),
        (r"'[^']*'|\"[^\"]*\"", "#1b7a2f", "#8ee69b", False),
        (r"<!--.*-->", "#777777", "#a8a8a8", False),
    )


class DiffHighlighter(_RuleHighlighter):
    """Added lines green, removed lines red, hunk headers blue."""

    RULES = (
        (r"^\+.*", "#1b7a2f", "#8ee69b", False),
        (r"^-.*", "#b00020", "#ff8a80", False),
        (r"^@@.*", "#1f4e9c", "#8cb4ff", True),
        (r"^(\+\+\+|---) .*", "#444444", "#d0d0d0", True),
    )
