#include "ParamControl.h"

#include <QDoubleSpinBox>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QSlider>

#include <algorithm>
#include <cmath>

namespace pictor::ui {

namespace {
constexpr int kSteps = 1000;

int decimalsFor(const ParamSpec& p) {
    const double range = p.max - p.min;
    return range <= 2 ? 3 : range <= 20 ? 2 : range <= 200 ? 0 : 0;
}
} // namespace

ParamControl::ParamControl(const OpSpec& op, const ParamSpec& param, const QString& label,
                           QWidget* parent)
    : QWidget(parent)
    , m_op(op.id)
    , m_param(param)
    , m_default(param.defaultValue)
    , m_decimals(decimalsFor(param)) {
    setObjectName(QString::fromStdString(op.id + "." + param.name));
    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setVerticalSpacing(0);
    m_label = new QLabel(label, this);
    m_label->installEventFilter(this);
    // Long labels ("Saturation · Magenta") must not widen the panel past its dock.
    m_label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_label->setMinimumWidth(60);
    m_label->setToolTip(tr("Double-click to reset"));
    m_spin = new QDoubleSpinBox(this);
    m_spin->setRange(param.min, param.max);
    m_spin->setDecimals(m_decimals);
    m_spin->setSingleStep(m_decimals == 0 ? 1 : std::pow(10.0, -m_decimals) * 10);
    if (!param.unit.empty())
        m_spin->setSuffix(QStringLiteral(" ") + QString::fromStdString(param.unit));
    m_spin->setKeyboardTracking(false);
    m_spin->setButtonSymbols(QAbstractSpinBox::NoButtons);
    m_spin->setAlignment(Qt::AlignRight);
    m_spin->setFixedWidth(80);
    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setRange(0, kSteps);
    m_slider->installEventFilter(this);
    layout->addWidget(m_label, 0, 0);
    layout->addWidget(m_spin, 0, 1, Qt::AlignRight);
    layout->addWidget(m_slider, 1, 0, 1, 2);
    setValue(param.defaultValue);

    connect(m_slider, &QSlider::sliderPressed, this, &ParamControl::dragStarted);
    connect(m_slider, &QSlider::sliderReleased, this, &ParamControl::dragFinished);
    connect(m_slider, &QSlider::valueChanged, this, [this](int position) {
        if (!m_updating) userSet(fromPosition(position), m_slider->isSliderDown());
    });
    connect(m_spin, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        if (!m_updating) userSet(v, false);
    });
}

bool ParamControl::dragging() const {
    return m_slider->isSliderDown();
}

int ParamControl::toPosition(double value) const {
    double t;
    if (m_param.unit == "K" && m_param.min > 0)
        t = std::log(value / m_param.min) / std::log(m_param.max / m_param.min);
    else
        t = (value - m_param.min) / (m_param.max - m_param.min);
    return int(std::lround(std::clamp(t, 0.0, 1.0) * kSteps));
}

double ParamControl::fromPosition(int position) const {
    const double t = double(position) / kSteps;
    double v = m_param.unit == "K" && m_param.min > 0
                   ? m_param.min * std::pow(m_param.max / m_param.min, t)
                   : m_param.min + t * (m_param.max - m_param.min);
    if (m_param.unit == "K") v = std::round(v / 10) * 10; // 10 K steps: finer is invisible
    const double unit = std::pow(10.0, m_decimals);
    return std::clamp(std::round(v * unit) / unit, m_param.min, m_param.max);
}

void ParamControl::setValue(double value) {
    m_value = value;
    m_updating = true;
    if (!m_slider->isSliderDown()) m_slider->setValue(toPosition(value));
    m_spin->setValue(value);
    m_updating = false;
}

void ParamControl::userSet(double value, bool dragging) {
    if (value == m_value) return;
    setValue(value);
    Q_EMIT valueEdited(value, dragging);
}

bool ParamControl::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::MouseButtonDblClick &&
        (watched == m_slider || watched == m_label)) {
        userSet(m_default, false);
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace pictor::ui
