#include "CritiquePanel.h"

#include "EditSession.h"
#include "instructions/Instructions.h"

#include <QCheckBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QSlider>
#include <QVBoxLayout>

#include <set>

namespace pictor::ui {

namespace {
QString severityColour(critic::Severity s) {
    switch (s) {
    case critic::Severity::Major:
        return QStringLiteral("#d9534f");
    case critic::Severity::Moderate:
        return QStringLiteral("#e09a2b");
    case critic::Severity::Minor:
        break;
    }
    return QStringLiteral("#5b9bd5");
}

// The (op, param) pairs a recipe sets.
void collectParams(const Recipe& r, std::set<std::pair<std::string, std::string>>& out) {
    for (const RecipeOp& op : r.ops) {
        for (const auto& [name, v] : op.scalars)
            out.insert({op.id, name});
        for (const auto& [name, v] : op.points)
            out.insert({op.id, name});
    }
}
} // namespace

CritiquePanel::CritiquePanel(EditSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_score = new QLabel(this);
    m_score->setObjectName("score");
    m_score->setTextFormat(Qt::RichText);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* content = new QWidget(scroll);
    m_findings = new QVBoxLayout(content);
    m_findings->setContentsMargins(2, 2, 2, 2);
    m_findings->addStretch(1);
    scroll->setWidget(content);
    layout->addWidget(m_score);
    layout->addWidget(m_summary);
    layout->addWidget(scroll, 1);
    clear();
}

void CritiquePanel::clear() {
    m_rows.clear();
    while (m_findings->count() > 1) { // everything but the closing stretch
        QLayoutItem* item = m_findings->takeAt(0);
        if (item->widget()) {
            item->widget()->hide();
            item->widget()->deleteLater(); // may be the sender of the signal being handled
        }
        delete item;
    }
    m_score->setText(tr("<b>Auto-enhance</b> (Ctrl+E): the Critic measures the photo, explains "
                        "what holds it back and suggests instructions."));
    m_score->setWordWrap(true);
    m_summary->clear();
}

void CritiquePanel::setBusy(const QString& message) {
    clear();
    m_score->setText(message.toHtmlEscaped());
}

QString CritiquePanel::scoreText() const {
    return m_score->text();
}

QString CritiquePanel::rowError(int i) const {
    const QLabel* l = m_rows[std::size_t(i)].error;
    return l->isHidden() ? QString() : l->text();
}

void CritiquePanel::showCritique(const critic::Critique& critique, const Recipe& base,
                                 const SourceWhite& white) {
    clear();
    m_base = base;
    m_white = white;
    // Nothing suggested: no "after the edit" score (there is no edit).
    if (critique.recipe.isNeutral(critique.analysis.sourceWhite))
        m_score->setText(
            tr("Score <span style='font-size:16pt'><b>%1</b></span>").arg(qRound(critique.score)));
    else
        m_score->setText(tr("Score <span style='font-size:16pt'><b>%1</b></span> → <span "
                            "style='font-size:16pt;color:#4caf50'><b>%2</b></span> after the edit")
                             .arg(qRound(critique.score))
                             .arg(qRound(critique.scoreAfter)));
    m_summary->setText(QString::fromStdString(critique.summary));
    for (const critic::Finding& f : critique.findings)
        addFinding(f);
    if (critique.findings.empty())
        m_summary->setText(m_summary->text() + ' ' + tr("Nothing to change."));
    applyRows(tr("Auto-enhance"));
}

void CritiquePanel::addFinding(const critic::Finding& finding) {
    auto* frame = new QFrame(this);
    frame->setFrameShape(QFrame::StyledPanel);
    auto* box = new QVBoxLayout(frame);
    box->setSpacing(3);
    auto* title = new QLabel(
        QStringLiteral(
            "<span style='background:%1;color:white;padding:2px'>&nbsp;%2&nbsp;</span> <b>%3</b>")
            .arg(severityColour(finding.severity),
                 QString::fromStdString(critic::severityLabel(finding.severity)).toHtmlEscaped(),
                 QString::fromStdString(critic::aspectLabel(finding.aspect)).toHtmlEscaped()),
        frame);
    auto* reasoning = new QLabel(QString::fromStdString(finding.reasoning), frame);
    reasoning->setWordWrap(true);
    QStringList evidence;
    for (const critic::Evidence& e : finding.evidence)
        evidence << QString::fromStdString(e.text());
    auto* measured = new QLabel(evidence.join(QStringLiteral(" · ")), frame);
    measured->setWordWrap(true);
    measured->setStyleSheet("QLabel { color: #888; }");
    box->addWidget(title);
    box->addWidget(reasoning);
    if (!evidence.isEmpty()) box->addWidget(measured);

    Row row;
    row.finding = finding;
    if (!finding.instruction.empty()) {
        auto* line = new QWidget(frame);
        auto* h = new QHBoxLayout(line);
        h->setContentsMargins(0, 0, 0, 0);
        row.check = new QCheckBox(line);
        row.check->setChecked(true);
        row.check->setToolTip(tr("Apply this instruction"));
        // One line edit per finding: a two-line fix (white balance) reads "…; …", as after
        // scaleRow, and shows from its start when it is longer than the row.
        row.text = new QLineEdit(
            QString::fromStdString(finding.instruction).replace('\n', QStringLiteral("; ")), line);
        row.text->setCursorPosition(0);
        row.amount = new QSlider(Qt::Horizontal, line);
        row.amount->setRange(0, 200);
        row.amount->setValue(100);
        row.amount->setMaximumWidth(70);
        row.amount->setToolTip(tr("Amount: 100 % is the Critic's suggestion"));
        h->addWidget(row.check);
        h->addWidget(row.text, 1);
        h->addWidget(row.amount);
        box->addWidget(line);
        row.error = new QLabel(frame);
        row.error->setWordWrap(true);
        row.error->setStyleSheet("QLabel { color: #d04040; }");
        row.error->hide();
        box->addWidget(row.error);
    } else {
        box->addWidget(new QLabel(tr("No change suggested."), frame));
    }
    m_findings->insertWidget(m_findings->count() - 1, frame);
    if (!row.check) return;
    m_rows.push_back(row);
    const std::size_t index = m_rows.size() - 1;
    connect(row.check, &QCheckBox::toggled, this, [this, index](bool on) {
        applyRows(on ? tr("Accept suggestion") : tr("Reject suggestion"));
        m_rows[index].text->setEnabled(on);
        m_rows[index].amount->setEnabled(on);
    });
    connect(row.text, &QLineEdit::editingFinished, this,
            [this]() { applyRows(tr("Edit suggestion")); });
    connect(row.amount, &QSlider::sliderReleased, this, [this, index]() {
        scaleRow(m_rows[index], m_rows[index].amount->value());
        applyRows(tr("Change suggestion amount"));
    });
}

void CritiquePanel::scaleRow(Row& row, int percent) {
    // The finding's fix scaled about the neutral (the photo's own white for white balance).
    Recipe scaled;
    const double k = percent / 100.0;
    for (const RecipeOp& op : row.finding.fix.ops) {
        const OpSpec* spec = op.spec();
        if (!spec) continue;
        for (const auto& [name, value] : op.scalars) {
            const ParamSpec* p = spec->param(name);
            if (!p) continue;
            const double neutral =
                p->relativeToSourceWhite ? sourceWhiteValue(*p, m_white) : p->neutral;
            (void)scaled.set(op.id, name, neutral + k * (value - neutral));
        }
        for (const auto& [name, points] : op.points)
            (void)scaled.setPoints(op.id, name, points);
    }
    row.text->setText(QString::fromStdString(formatInstructions(scaled, m_white))
                          .replace('\n', QStringLiteral("; ")));
}

void CritiquePanel::applyRows(const QString& description) {
    // Only the params the critique talks about change; the user's other edits stay.
    std::set<std::pair<std::string, std::string>> touched;
    QStringList ticked;
    for (Row& row : m_rows) {
        collectParams(row.finding.fix, touched);
        const ParsedInstructions own =
            parseInstructions(row.text->text().toStdString(), {}, m_white);
        collectParams(own.recipe, touched);
        QStringList errors;
        for (const InstructionError& e : own.errors)
            errors << QString::fromStdString(e.message +
                                             (e.suggestion.empty() ? "" : " — " + e.suggestion));
        row.error->setText(errors.join(QStringLiteral("; ")));
        row.error->setVisible(!errors.isEmpty());
        row.text->setStyleSheet(errors.isEmpty()
                                    ? QString()
                                    : QStringLiteral("QLineEdit { border: 1px solid #d04040; }"));
        if (row.check->isChecked()) ticked << row.text->text();
    }
    const Recipe combined =
        parseInstructions(ticked.join('\n').toStdString(), m_base, m_white).recipe;
    Recipe next = m_session->recipe();
    for (const auto& [op, param] : touched) {
        const ParamSpec* spec = findOpSpec(op) ? findOpSpec(op)->param(param) : nullptr;
        const RecipeOp* from = combined.find(op);
        const bool set = from && (from->scalars.count(param) || from->points.count(param));
        if (!spec || !set) {
            next.reset(op, param);
        } else if (spec->kind == ParamKind::Points) {
            (void)next.setPoints(op, param, from->curve(param));
        } else {
            (void)next.set(op, param, from->value(param, m_white));
        }
    }
    m_session->apply(next, description, EditOrigin::Critique);
}

} // namespace pictor::ui
