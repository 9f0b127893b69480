#include "InstructionEditor.h"

#include "EditSession.h"
#include "instructions/Instructions.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QVBoxLayout>

namespace pictor::ui {

namespace {
constexpr int kTypingPauseMs = 350;
}

int charIndexOfByteColumn(const QString& line, int byteColumn) {
    const QByteArray utf8 = line.toUtf8();
    const int bytes = std::clamp(byteColumn - 1, 0, int(utf8.size()));
    return int(QString::fromUtf8(utf8.left(bytes)).size());
}

InstructionEditor::InstructionEditor(EditSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_edit = new QPlainTextEdit(this);
    m_edit->setObjectName("instructions");
    m_edit->setPlaceholderText(tr("Write instructions, one a line, e.g.\nIncrease exposure by 0.5 "
                                  "EV\nMake it a bit warmer\nLift the shadows a lot"));
    m_edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_errors = new QLabel(this);
    m_errors->setWordWrap(true);
    m_errors->setStyleSheet("QLabel { color: #d04040; }");
    m_errors->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errors->hide();
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_errors);
    m_typing.setSingleShot(true);
    m_typing.setInterval(kTypingPauseMs);
    connect(&m_typing, &QTimer::timeout, this, &InstructionEditor::parseText);
    connect(m_edit, &QPlainTextEdit::textChanged, this, [this]() {
        if (!m_updating) m_typing.start();
    });
    connect(m_session, &EditSession::recipeChanged, this, &InstructionEditor::showRecipe);
}

void InstructionEditor::showRecipe(const Recipe& recipe, EditOrigin origin) {
    if (origin == EditOrigin::Text) return; // the user's own words stay as typed
    m_typing.stop();
    m_updating = true;
    m_edit->setPlainText(QString::fromStdString(formatInstructions(recipe, m_white)));
    m_edit->setExtraSelections({});
    m_errors->hide();
    m_updating = false;
}

void InstructionEditor::applyNow() {
    m_typing.stop();
    parseText();
}

QString InstructionEditor::errorsText() const {
    return m_errors->isHidden() ? QString() : m_errors->text();
}

int InstructionEditor::underlinedCount() const {
    return int(m_edit->extraSelections().size());
}

void InstructionEditor::parseText() {
    const QString text = m_edit->toPlainText();
    const ParsedInstructions parsed = parseInstructions(text.toStdString(), {}, m_white);

    QList<QTextEdit::ExtraSelection> marks;
    QStringList messages;
    for (const InstructionError& e : parsed.errors) {
        const QTextBlock block = m_edit->document()->findBlockByNumber(e.line - 1);
        if (block.isValid()) {
            const int start = charIndexOfByteColumn(block.text(), e.column);
            const int end = charIndexOfByteColumn(block.text(), e.column + std::max(1, e.length));
            QTextEdit::ExtraSelection mark;
            mark.cursor = QTextCursor(block);
            mark.cursor.setPosition(block.position() + start);
            mark.cursor.setPosition(block.position() + std::max(end, start + 1),
                                    QTextCursor::KeepAnchor);
            mark.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
            mark.format.setUnderlineColor(QColor(220, 50, 50));
            mark.format.setToolTip(QString::fromStdString(
                e.message + (e.suggestion.empty() ? "" : " — " + e.suggestion)));
            marks << mark;
        }
        QString line = tr("Line %1, column %2: %3")
                           .arg(e.line)
                           .arg(e.column)
                           .arg(QString::fromStdString(e.message));
        if (!e.suggestion.empty())
            line += QStringLiteral(" — ") + QString::fromStdString(e.suggestion);
        messages << line.toHtmlEscaped();
    }
    m_edit->setExtraSelections(marks);
    m_errors->setText(messages.join(QStringLiteral("<br>")));
    m_errors->setVisible(!messages.isEmpty());

    // The text holds the enabled ops; what it cannot express (disabled ops, ops from a newer
    // Pictor) is carried over from the current recipe.
    Recipe next = parsed.recipe;
    const Recipe& current = m_session->recipe();
    for (const RecipeOp& op : current.ops)
        if (!op.enabled && !next.find(op.id)) next.ops.push_back(op);
    next.unknownOps = current.unknownOps;
    next.unknown = current.unknown;
    next = next.normalized();
    m_session->apply(next, tr("Edit instructions"), EditOrigin::Text,
                     QStringLiteral("instructions"));
}

} // namespace pictor::ui
