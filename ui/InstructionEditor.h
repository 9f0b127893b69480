#pragma once
// The free-text instruction box: the current recipe as plain-language instructions, one a line.
// Moving a slider rewrites the text; editing the text moves the sliders. Lines that are not
// understood are underlined, with the message and a suggestion listed below; they never stop
// the valid lines from applying.
#include "recipe/Recipe.h"

#include <QTimer>
#include <QWidget>

class QPlainTextEdit;
class QLabel;

namespace pictor::ui {

class EditSession;
enum class EditOrigin;

class InstructionEditor : public QWidget {
    Q_OBJECT
public:
    InstructionEditor(EditSession* session, QWidget* parent = nullptr);
    void setSourceWhite(const SourceWhite& white) { m_white = white; }
    QPlainTextEdit* textEdit() const { return m_edit; }
    QString errorsText() const;  // what the error list shows
    int underlinedCount() const; // error underlines in the text
    void applyNow();             // parses the text at once (normally after a pause in typing)

private:
    void showRecipe(const Recipe& recipe, EditOrigin origin);
    void parseText();

    EditSession* m_session;
    SourceWhite m_white;
    QPlainTextEdit* m_edit = nullptr;
    QLabel* m_errors = nullptr;
    QTimer m_typing;
    bool m_updating = false;
};

// UTF-8 byte column (1-based) in `line` → QString index (0-based).
int charIndexOfByteColumn(const QString& line, int byteColumn);

} // namespace pictor::ui
