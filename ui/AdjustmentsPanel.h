#pragma once
// The op sliders, generated from the op catalogue (ops/OpSpec.h): one group per op, in pipeline
// order, labels translated in the "pictor::ops" context. It always shows the session's recipe
// and turns user changes into session edits (a drag = one undo step).
#include "recipe/Recipe.h"

#include <QScrollArea>

#include <vector>

class QGroupBox;
class QLabel;

namespace pictor::ui {

class EditSession;
class ParamControl;
enum class EditOrigin;

class AdjustmentsPanel : public QScrollArea {
    Q_OBJECT
public:
    AdjustmentsPanel(EditSession* session, QWidget* parent = nullptr);

    // The photo's own white (as-shot for RAW): the default of the white-balance sliders.
    void setSourceWhite(const SourceWhite& white);
    ParamControl* control(const std::string& op, const std::string& param) const;

private:
    void showRecipe(const Recipe& recipe);
    void edited(ParamControl* control, double value, bool dragging);
    QString describe(const ParamControl* control) const;

    EditSession* m_session;
    SourceWhite m_white;
    std::vector<ParamControl*> m_controls;
    std::vector<std::pair<std::string, QGroupBox*>> m_groups;
    std::vector<std::pair<std::string, QLabel*>> m_curveLabels;
};

// "Exposure", "Hue · Red": a parameter's label as the panel and the history show it.
QString paramLabel(const OpSpec& op, const ParamSpec& param);

} // namespace pictor::ui
