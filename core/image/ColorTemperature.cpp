#include "image/ColorTemperature.h"

#include <cmath>
#include <iterator>

namespace pictor {

namespace {
constexpr Isotherm kIsotherms[] = {
    {0, 0.18006, 0.26352, -0.24341},   {10, 0.18066, 0.26589, -0.25479},
    {20, 0.18133, 0.26846, -0.26876},  {30, 0.18208, 0.27119, -0.28539},
    {40, 0.18293, 0.27407, -0.30470},  {50, 0.18388, 0.27709, -0.32675},
    {60, 0.18494, 0.28021, -0.35156},  {70, 0.18611, 0.28342, -0.37915},
    {80, 0.18740, 0.28668, -0.40955},  {90, 0.18880, 0.28997, -0.44278},
    {100, 0.19032, 0.29326, -0.47888}, {125, 0.19462, 0.30141, -0.58204},
    {150, 0.19962, 0.30921, -0.70471}, {175, 0.20525, 0.31647, -0.84901},
    {200, 0.21142, 0.32312, -1.0182},  {225, 0.21807, 0.32909, -1.2168},
    {250, 0.22511, 0.33439, -1.4512},  {275, 0.23247, 0.33904, -1.7298},
    {300, 0.24010, 0.34308, -2.0637},  {325, 0.24792, 0.34655, -2.4681},
    {350, 0.25591, 0.34951, -2.9641},  {375, 0.26400, 0.35200, -3.5814},
    {400, 0.27218, 0.35407, -4.3633},  {425, 0.28039, 0.35577, -5.3762},
    {450, 0.28863, 0.35714, -6.7262},  {475, 0.29685, 0.35823, -8.5955},
    {500, 0.30505, 0.35907, -11.324},  {525, 0.31320, 0.35968, -15.628},
    {550, 0.32129, 0.36011, -23.325},  {575, 0.32931, 0.36038, -40.770},
    {600, 0.33724, 0.36051, -116.45},
};
} // namespace

const Isotherm* robertsonIsotherms() { return kIsotherms; }
std::size_t robertsonIsothermCount() { return std::size(kIsotherms); }

// CIE xy → correlated colour temperature and Lightroom/DNG-SDK tint. The tint is the distance
// from the Planckian locus along the isotherm in CIE 1960 uv, × 3000, positive on the green side
// (= +3000·Duv): a green-tinted light gives a positive tint, as in Lightroom (daylight ≈ +10).
std::optional<TempTint> temperatureFromXy(double x, double y) {
    const double denom = 1.5 - x + 6.0 * y;
    if (!std::isfinite(x) || !std::isfinite(y) || y <= 0 || denom <= 1e-9) return std::nullopt;
    const double u = 2.0 * x / denom;
    const double v = 3.0 * y / denom;
    double lastDt = 0, lastDu = 0, lastDv = 0;
    constexpr int n = int(std::size(kIsotherms));
    for (int i = 1; i < n; ++i) {
        double du = 1.0, dv = kIsotherms[i].t;
        double len = std::sqrt(1.0 + dv * dv);
        du /= len;
        dv /= len;
        double uu = u - kIsotherms[i].u;
        double vv = v - kIsotherms[i].v;
        double dt = -uu * dv + vv * du; // signed distance from isotherm i
        if (dt <= 0.0 || i == n - 1) {
            if (dt > 0.0) dt = 0.0;
            dt = -dt;
            const double f = i == 1 ? 0.0 : dt / (lastDt + dt);
            const double mired = kIsotherms[i - 1].mired * f + kIsotherms[i].mired * (1.0 - f);
            TempTint result;
            result.kelvin = mired > 0 ? 1.0e6 / mired : 1.0e6 / 0.1; // beyond 10 Mk: clamp
            uu = u - (kIsotherms[i - 1].u * f + kIsotherms[i].u * (1.0 - f));
            vv = v - (kIsotherms[i - 1].v * f + kIsotherms[i].v * (1.0 - f));
            du = du * (1.0 - f) + lastDu * f;
            dv = dv * (1.0 - f) + lastDv * f;
            len = std::sqrt(du * du + dv * dv);
            du /= len;
            dv /= len;
            // (du, dv) points to the magenta side (below the locus): minus sign → green positive.
            result.tint = (uu * du + vv * dv) * -3000.0;
            if (!std::isfinite(result.kelvin) || !std::isfinite(result.tint)) return std::nullopt;
            return result;
        }
        lastDt = dt;
        lastDu = du;
        lastDv = dv;
    }
    return std::nullopt;
}

} // namespace pictor
