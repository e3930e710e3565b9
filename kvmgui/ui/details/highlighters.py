"""Small syntax highlighters for the XML editor and the diff shown before applying."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument


def _format(color: str, bold: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(color))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    return fmt


class _RuleHighlighter(QSyntaxHighlighter):
    """Colours each line by regular expressions, later rules over earlier ones."""

    RULES: tuple[tuple[str, QTextCharFormat], ...] = ()

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._rules = [(QRegularExpression(pattern), fmt) for pattern, fmt in self.RULES]

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
        (r"</?[\w:.-]+|/?>", _format("#1f4e9c", bold=True)),
        (r"\b[\w:.-]+(?==)", _format("#8a3b00")),
        (r"'[^']*'|\"[^\"]*\"", _format("#1b7a2f")),
        (r"<!--.*-->", _format("#777777")),
    )


class DiffHighlighter(_RuleHighlighter):
    """Added lines green, removed lines red, hunk headers blue."""

    RULES = (
        (r"^\+.*", _format("#1b7a2f")),
        (r"^-.*", _format("#b00020")),
        (r"^@@.*", _format("#1f4e9c", bold=True)),
        (r"^(\+\+\+|---) .*", _format("#444444", bold=True)),
    )
