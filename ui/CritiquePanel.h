#pragma once
// The Critic's report beside the photo: score before and after, a one-line summary, and each
// finding with its severity, reasoning and measured evidence. Every finding's instruction is a
// row the user can tick on or off, rewrite, or scale with an amount slider; the ticked rows,
// applied on top of the edit as it was before Auto-enhance, make the recipe.
#include "critic/Finding.h"

#include <QWidget>

#include <vector>

class QCheckBox;
class QLabel;
class QLineEdit;
class QSlider;
class QVBoxLayout;

namespace pictor::ui {

class EditSession;

class CritiquePanel : public QWidget {
    Q_OBJECT
public:
    CritiquePanel(EditSession* session, QWidget* parent = nullptr);

    void setBusy(const QString& message); // the Critic is at work (or failed: the message)
    void clear();
    // Shows a critique and applies its ticked instructions on top of `base` (one undo step).
    void showCritique(const critic::Critique& critique, const Recipe& base,
                      const SourceWhite& white);

    int rowCount() const { return int(m_rows.size()); }
    QCheckBox* rowCheck(int i) const { return m_rows[std::size_t(i)].check; }
    QLineEdit* rowText(int i) const { return m_rows[std::size_t(i)].text; }
    QSlider* rowAmount(int i) const { return m_rows[std::size_t(i)].amount; }
    QString rowError(int i) const;
    QString scoreText() const;

private:
    struct Row {
        critic::Finding finding;
        QCheckBox* check = nullptr;
        QLineEdit* text = nullptr;
        QSlider* amount = nullptr;
        QLabel* error = nullptr;
    };
    void addFinding(const critic::Finding& finding);
    void scaleRow(Row& row, int percent);
    void applyRows(const QString& description);

    EditSession* m_session;
    Recipe m_base;
    SourceWhite m_white;
    std::vector<Row> m_rows;
    QLabel* m_score = nullptr;
    QLabel* m_summary = nullptr;
    QVBoxLayout* m_findings = nullptr;
};

} // namespace pictor::ui
