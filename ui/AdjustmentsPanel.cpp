#include "AdjustmentsPanel.h"

#include "EditSession.h"
#include "ParamControl.h"

#include <QCoreApplication>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace pictor::ui {

namespace {
QString opsTr(const std::string& text) {
    return QCoreApplication::translate("pictor::ops", text.c_str());
}
} // namespace

QString paramLabel(const OpSpec& op, const ParamSpec& param) {
    const QString name = QString::fromStdString(param.name);
    // HSL's 24 params share the eight band labels; the prefix says which property.
    if (op.id == "hsl") {
        const QString band = opsTr(param.label);
        if (name.startsWith("hue_")) return AdjustmentsPanel::tr("Hue · %1").arg(band);
        if (name.startsWith("saturation_"))
            return AdjustmentsPanel::tr("Saturation · %1").arg(band);
        if (name.startsWith("luminance_")) return AdjustmentsPanel::tr("Luminance · %1").arg(band);
    }
    return opsTr(param.label);
}

AdjustmentsPanel::AdjustmentsPanel(EditSession* session, QWidget* parent)
    : QScrollArea(parent)
    , m_session(session) {
    setWidgetResizable(true);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    for (const OpSpec& op : opCatalog()) {
        auto* group = new QGroupBox(opsTr(op.label), content);
        group->setObjectName(QString::fromStdString(op.id));
        group->setCheckable(true); // unticked = the op is kept in the recipe but disabled
        group->setChecked(true);
        auto* groupLayout = new QVBoxLayout(group);
        groupLayout->setSpacing(2);
        for (const ParamSpec& param : op.params) {
            if (param.kind == ParamKind::Points) {
                auto* row = new QWidget(group);
                auto* rowLayout = new QHBoxLayout(row);
                rowLayout->setContentsMargins(0, 0, 0, 0);
                auto* label = new QLabel(row);
                label->setWordWrap(true); // a long note must not widen the panel past its dock
                auto* reset = new QPushButton(tr("Reset"), row);
                rowLayout->addWidget(label, 1);
                rowLayout->addWidget(reset);
                groupLayout->addWidget(row);
                m_curveLabels.emplace_back(op.id, label);
                const std::string opId = op.id, name = param.name;
                connect(reset, &QPushButton::clicked, this, [this, opId, name, &op]() {
                    Recipe r = m_session->recipe();
                    if (r.reset(opId, name))
                        m_session->apply(r, tr("Reset %1").arg(opsTr(op.label)),
                                         EditOrigin::Sliders);
                });
                continue;
            }
            auto* control = new ParamControl(op, param, paramLabel(op, param), group);
            groupLayout->addWidget(control);
            m_controls.push_back(control);
            connect(control, &ParamControl::dragStarted, m_session, &EditSession::beginDrag);
            connect(control, &ParamControl::valueEdited, this,
                    [this, control](double v, bool dragging) { edited(control, v, dragging); });
            connect(control, &ParamControl::dragFinished, this,
                    [this, control]() { m_session->endDrag(describe(control)); });
        }
        const std::string opId = op.id;
        connect(group, &QGroupBox::toggled, this, [this, opId, group](bool on) {
            Recipe r = m_session->recipe();
            RecipeOp* existing = r.find(opId);
            if (!existing) {
                if (on) return;
                auto added = r.ensureOp(opId);
                if (!added) return;
                existing = *added;
            }
            existing->enabled = on;
            m_session->apply(
                r, on ? tr("Enable %1").arg(group->title()) : tr("Disable %1").arg(group->title()),
                EditOrigin::Sliders);
        });
        layout->addWidget(group);
        m_groups.emplace_back(op.id, group);
    }
    layout->addStretch(1);
    setWidget(content);
    connect(m_session, &EditSession::recipeChanged, this,
            [this](const Recipe& r) { showRecipe(r); });
    showRecipe(m_session->recipe());
}

void AdjustmentsPanel::setSourceWhite(const SourceWhite& white) {
    m_white = white;
    for (ParamControl* c : m_controls) {
        const OpSpec* op = findOpSpec(c->opId());
        const ParamSpec* p = op ? op->param(c->paramName()) : nullptr;
        if (p && p->relativeToSourceWhite) c->setDefaultValue(sourceWhiteValue(*p, white));
    }
    showRecipe(m_session->recipe());
}

ParamControl* AdjustmentsPanel::control(const std::string& op, const std::string& param) const {
    for (ParamControl* c : m_controls)
        if (c->opId() == op && c->paramName() == param) return c;
    return nullptr;
}

QString AdjustmentsPanel::describe(const ParamControl* control) const {
    const OpSpec* op = findOpSpec(control->opId());
    const ParamSpec* p = op ? op->param(control->paramName()) : nullptr;
    return p ? tr("Change %1").arg(paramLabel(*op, *p)) : tr("Change");
}

void AdjustmentsPanel::showRecipe(const Recipe& recipe) {
    for (ParamControl* c : m_controls)
        if (!c->dragging()) c->setValue(recipe.value(c->opId(), c->paramName(), m_white));
    for (auto& [id, group] : m_groups) {
        const RecipeOp* op = recipe.find(id);
        const QSignalBlocker block(group);
        group->setChecked(!op || op->enabled);
    }
    for (auto& [id, label] : m_curveLabels) {
        const auto points = recipe.curve(id, "points");
        label->setText(points.empty() ? tr("Curve: straight (edit in the instructions)")
                                      : tr("Curve: %n point(s)", nullptr, int(points.size())));
    }
}

void AdjustmentsPanel::edited(ParamControl* control, double value, bool dragging) {
    Recipe r = m_session->recipe();
    if (!r.set(control->opId(), control->paramName(), value)) return;
    if (dragging || m_session->dragging())
        m_session->dragTo(r, EditOrigin::Sliders);
    else
        m_session->apply(r, describe(control), EditOrigin::Sliders,
                         QString::fromStdString(control->opId() + "." + control->paramName()));
}

} // namespace pictor::ui
