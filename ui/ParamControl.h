#pragma once
// One op parameter as a slider with a number box, built from its ParamSpec (range, unit,
// default). Kelvin runs on a logarithmic scale, as the eye judges colour temperature by ratio.
// A double click on the slider or its label sets the default.
#include "ops/OpSpec.h"

#include <QWidget>

class QSlider;
class QDoubleSpinBox;
class QLabel;

namespace pictor::ui {

class ParamControl : public QWidget {
    Q_OBJECT
public:
    ParamControl(const OpSpec& op, const ParamSpec& param, const QString& label,
                 QWidget* parent = nullptr);

    const std::string& opId() const { return m_op; }
    const std::string& paramName() const { return m_param.name; }
    double value() const { return m_value; }
    void setValue(double value);                              // shows the value; emits nothing
    void setDefaultValue(double value) { m_default = value; } // e.g. the photo's own white
    bool dragging() const;
    QSlider* slider() const { return m_slider; }
    QDoubleSpinBox* spinBox() const { return m_spin; }

Q_SIGNALS:
    void dragStarted();
    void valueEdited(double value, bool dragging); // by the user
    void dragFinished();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    int toPosition(double value) const;
    double fromPosition(int position) const;
    void userSet(double value, bool dragging);

    std::string m_op;
    ParamSpec m_param;
    double m_value = 0;
    double m_default = 0;
    int m_decimals = 0;
    bool m_updating = false;
    QSlider* m_slider = nullptr;
    QDoubleSpinBox* m_spin = nullptr;
    QLabel* m_label = nullptr;
};

} // namespace pictor::ui
