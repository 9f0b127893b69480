// Camera RAW decoding with LibRaw (thread-safe libraw_r, one LibRaw object per call).
//
// Pipeline: open (our datastream) → pixel limit → unpack → checks that the sensor data is really
// there → dcraw_process in camera RGB (as-shot white balance, blend highlights, AHD or half-size,
// 16-bit linear, no auto-brightening) → one float pass that applies the camera matrix into linear
// Rec.2020 and turns the image upright.
#include "io/RawDecoder.h"

#include "image/ColorTemperature.h"

#include "image/ColorSpace.h"

#include <libraw.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <exception>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <vector>

namespace pictor {

namespace {

// ---------------------------------------------------------------------------------------------
// Errors

constexpr const char* kHintOriginal = "Use the original file from the camera card.";

Error rawError(const std::string& reason, std::string hint = kHintOriginal) {
    return Error{"the camera RAW data cannot be decoded: " + reason, std::move(hint)};
}

// The pixel limit's message, as part of this decoder's ("… RAW file: the image is …").
Error limitError(const Error& limit) {
    std::string what = limit.what;
    if (!what.empty() && what[0] >= 'A' && what[0] <= 'Z' &&
        !(what.size() > 1 && what[1] >= 'A' && what[1] <= 'Z'))
        what[0] = char(what[0] - 'A' + 'a');
    return Error{"the camera RAW data cannot be decoded: " + what, limit.hint};
}

Error missingDataError() {
    return rawError("its sensor data is missing or truncated (metadata-only file?)");
}

Error libRawError(int code, const char* stage) {
    switch (code) {
    case LIBRAW_FILE_UNSUPPORTED:
        return rawError("LibRaw does not recognise it as a camera RAW format it supports",
                        "Convert it to DNG with Adobe DNG Converter, or open the camera's JPEG.");
    case LIBRAW_TOO_BIG:
    case LIBRAW_UNSUFFICIENT_MEMORY:
        return rawError("not enough memory to decode it",
                        "Close other programs, or open it with the half-size preview option.");
    case LIBRAW_IO_ERROR:
    case LIBRAW_DATA_ERROR:
    case LIBRAW_REQUEST_FOR_NONEXISTENT_IMAGE:
        return missingDataError();
    default:
        return rawError(std::string("LibRaw failed while ") + stage + " (" + libraw_strerror(code) +
                            ")",
                        "The file may be damaged. " + std::string(kHintOriginal));
    }
}

// LibRaw reports data errors through callbacks (by default it prints to stderr).
struct ErrorSink {
    int dataErrors = 0;
    bool endOfFile = false;
    bool memoryError = false;
};

void onDataError(void* data, const char*, const int offset) {
    auto* sink = static_cast<ErrorSink*>(data);
    ++sink->dataErrors;
    if (offset < 0) sink->endOfFile = true; // LibRaw passes -1 when the data ends early
}

void onMemoryError(void* data, const char*, const char*) {
    static_cast<ErrorSink*>(data)->memoryError = true;
}

// The file's bytes as LibRaw's datastream, plus two guards around unpack():
// - it counts reads that ask for bytes past the end of the data. Many LibRaw decoders do not
//   report running out of data (bit readers return zeros at EOF); a truncated file shows up as
//   thousands of such reads, a complete one as at most a handful at the very end.
// - it zero-fills the sensor buffer LibRaw has just allocated. LibRaw 0.20/0.21 malloc()s it
//   (not calloc) and some decoders stop silently when tiles or strips are missing, which would
//   leave stale heap memory — often the previous photo's pixels — in the image. unpack()
//   allocates, then seeks to data_offset, then decodes: that seek is the hook.
//
// It also bounds the work: LibRaw 0.20's parsers can loop forever on crafted files (fuzzing found
// parse_phase_one spinning inside open_buffer). Every stream operation counts against a budget
// far above what a real file needs; past it the stream throws LibRaw's own I/O exception,
// which LibRaw turns into an error return.
class GuardedStream : public LibRaw_buffer_datastream {
public:
    GuardedStream(const std::uint8_t* bytes, std::size_t size)
        : LibRaw_buffer_datastream(const_cast<std::uint8_t*>(bytes), size) {}

    // Identification parses headers: a few reads per header byte at most.
    void budgetForParsing(std::size_t size) { budget = operations + 2'000'000 + size / 4; }
    // Decoding may read every byte individually, several times for some formats.
    void budgetForDecoding(std::size_t size) { budget = operations + 16'000'000 + 8 * std::uint64_t(size); }

    int read(void* ptr, size_t sz, size_t nmemb) override {
        spend();
        const INT64 before = tell();
        const int got = LibRaw_buffer_datastream::read(ptr, sz, nmemb);
        const std::uint64_t wanted = std::uint64_t(sz) * std::uint64_t(nmemb);
        const std::uint64_t delivered = std::uint64_t(std::max<INT64>(0, tell() - before));
        if (counting && delivered < wanted) {
            ++endHits;
            shortBytes += wanted - delivered;
        }
        return got;
    }

    int get_char() override {
        spend();
        const int c = LibRaw_buffer_datastream::get_char();
        if (c < 0 && counting) {
            ++endHits;
            ++shortBytes;
        }
        return c;
    }

    int seek(INT64 offset, int whence) override {
        spend();
        if (zeroFillFor) zeroFillSensorBuffer(offset, whence);
        return LibRaw_buffer_datastream::seek(offset, whence);
    }

    char* gets(char* text, int sz) override {
        spend();
        return LibRaw_buffer_datastream::gets(text, sz);
    }

    int scanf_one(const char* fmt, void* val) override {
        spend();
        return LibRaw_buffer_datastream::scanf_one(fmt, val);
    }

    bool counting = false;
    std::uint64_t endHits = 0;
    std::uint64_t shortBytes = 0;
    LibRaw* zeroFillFor = nullptr; // armed just before unpack(), disarmed after the first fill

private:
    void spend() {
        if (++operations > budget) throw LIBRAW_EXCEPTION_IO_CORRUPT;
    }
    std::uint64_t operations = 0;
    std::uint64_t budget = 2'000'000;

    void zeroFillSensorBuffer(INT64 offset, int whence) {
        LibRaw& raw = *zeroFillFor;
        libraw_rawdata_t& rd = raw.imgdata.rawdata;
        const libraw_internal_data_t* internal = raw.get_internal_data_pointer();
        if (whence != SEEK_SET || !internal || offset != internal->unpacker_data.data_offset)
            return;
        // Only this first seek to the data counts: later ones happen while decoding, when the
        // buffer (even one a decoder allocates itself) already holds pixels.
        zeroFillFor = nullptr;
        if (!rd.raw_alloc) return;
        std::size_t element = 0;
        if (rd.raw_alloc == static_cast<void*>(rd.raw_image))
            element = 2;
        else if (rd.raw_alloc == static_cast<void*>(rd.color3_image))
            element = 6;
        if (element == 0) return; // calloc'ed or decoder-owned buffers
        const libraw_image_sizes_t& s = raw.imgdata.sizes;
        // unpack() allocates rwidth × (rheight + 8) elements; the rows the decoders fill and
        // everything reads are the first rheight (raw_pitch bytes each).
        std::size_t rwidth = s.raw_width, rheight = s.raw_height;
        if (!raw.is_fuji_rotated()) {
            rwidth = std::max<std::size_t>(rwidth, std::size_t(s.width) + s.left_margin);
            rheight = std::max<std::size_t>(rheight, std::size_t(s.height) + s.top_margin);
        }
        std::size_t bytes = rwidth * rheight * element;
        if (s.raw_pitch > 0) bytes = std::min(bytes, std::size_t(s.raw_pitch) * s.raw_height);
        std::memset(rd.raw_alloc, 0, bytes);
    }
};

// The unpack() layout above is what LibRaw 0.20 and 0.21 do; other versions get no zero-fill.
bool zeroFillSupported() {
    const int version = LibRaw::versionNumber(); // (major << 16) | (minor << 8) | patch
    return version >= 0x001400 && version < 0x001600;
}

// ---------------------------------------------------------------------------------------------
// Small linear algebra

using Vec3 = std::array<double, 3>;

double determinant(const Matrix3& m) {
    return m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) +
           m[2] * (m[3] * m[7] - m[4] * m[6]);
}

bool finite(const Vec3& v) {
    return std::isfinite(v[0]) && std::isfinite(v[1]) && std::isfinite(v[2]);
}

// Linear sRGB (D65) → XYZ with LibRaw's own constants (LibRaw_constants::xyz_rgb): rgb_cam was
// derived with exactly these, so camera → XYZ = kXyzFromSrgb · rgb_cam reproduces the camera's
// XYZ → camera matrix without a rounding mismatch.
constexpr Matrix3 kXyzFromSrgb = {0.412453, 0.357580, 0.180423, 0.212671, 0.715160,
                                  0.072169, 0.019334, 0.119193, 0.950227};

// XYZ → camera for `colors` camera channels (rows) → camera → XYZ. Three channels: the inverse;
// four (CMYG, RGBE): the least-squares pseudo-inverse. Empty when the matrix is unusable.
std::optional<std::array<std::array<double, 4>, 3>> cameraToXyz(const double xyzToCam[4][3],
                                                                int colors) {
    std::array<std::array<double, 4>, 3> out{};
    if (colors == 3) {
        const Matrix3 m = {xyzToCam[0][0], xyzToCam[0][1], xyzToCam[0][2],
                           xyzToCam[1][0], xyzToCam[1][1], xyzToCam[1][2],
                           xyzToCam[2][0], xyzToCam[2][1], xyzToCam[2][2]};
        if (!(std::abs(determinant(m)) > 1e-12)) return std::nullopt;
        const Matrix3 inv = inverse(m);
        for (int i = 0; i < 3; ++i)
            for (int j = 0; j < 3; ++j)
                out[i][j] = inv[i * 3 + j];
        return out;
    }
    if (colors == 4) { // (AᵀA)⁻¹Aᵀ, A = 4×3
        Matrix3 ata{};
        for (int i = 0; i < 3; ++i)
            for (int j = 0; j < 3; ++j)
                for (int k = 0; k < 4; ++k)
                    ata[i * 3 + j] += xyzToCam[k][i] * xyzToCam[k][j];
        if (!(std::abs(determinant(ata)) > 1e-12)) return std::nullopt;
        const Matrix3 inv = inverse(ata);
        for (int i = 0; i < 3; ++i)
            for (int k = 0; k < 4; ++k)
                for (int j = 0; j < 3; ++j)
                    out[i][k] += inv[i * 3 + j] * xyzToCam[k][j];
        return out;
    }
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Colour temperature and tint (Robertson's method, as the DNG SDK does it)

std::optional<TempTint> temperatureFromXyz(const Vec3& xyz) {
    const double sum = xyz[0] + xyz[1] + xyz[2];
    if (!finite(xyz) || !(sum > 1e-12) || xyz[1] <= 0) return std::nullopt;
    return temperatureFromXy(xyz[0] / sum, xyz[1] / sum);
}

// EXIF LightSource → colour temperature (the DNG SDK's table); 0 when unknown.
double illuminantKelvin(int lightSource) {
    switch (lightSource) {
    case 17: // standard light A
    case 3:
        return 2850; // tungsten
    case 24:
        return 3200; // ISO studio tungsten
    case 23:
        return 5000; // D50
    case 1:          // daylight
    case 4:          // flash
    case 9:          // fine weather
    case 18:         // standard light B
    case 20:
        return 5500; // D55
    case 10:         // cloudy
    case 19:         // standard light C
    case 21:
        return 6500; // D65
    case 11:         // shade
    case 22:
        return 7500; // D75
    case 12:
        return 6400; // daylight fluorescent (5700–7100)
    case 13:
        return 5050; // day white fluorescent (4600–5500)
    case 2:          // fluorescent
    case 14:
        return 4150; // cool white fluorescent (3800–4500)
    case 15:
        return 3525; // white fluorescent (3250–3800)
    case 16:
        return 2925; // warm white fluorescent (2600–3250)
    default:
        return 0;
    }
}

bool nonZero(const float m[4][3], int rows) {
    for (int i = 0; i < rows; ++i)
        for (int j = 0; j < 3; ++j)
            if (m[i][j] != 0.0f) return true;
    return false;
}

// LibRaw leaves rgb_cam at the identity for cameras it has no colour data for.
bool identityRgbCam(const libraw_colordata_t& color) {
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 4; ++j)
            if (color.rgb_cam[i][j] != (i == j ? 1.0f : 0.0f)) return false;
    return true;
}

// XYZ → camera of a DNG colour matrix with its CameraCalibration and AnalogBalance applied
// (AB · CC · CM, as the DNG specification defines the camera's response).
void dngXyzToCamera(const libraw_colordata_t& color, int which, int colors, double out[4][3]) {
    const libraw_dng_color_t& dng = color.dng_color[which];
    bool haveCalibration = false;
    for (int i = 0; i < colors; ++i)
        for (int j = 0; j < colors; ++j)
            haveCalibration |= dng.calibration[i][j] != 0.0f;
    for (int i = 0; i < 4; ++i)
        for (int j = 0; j < 3; ++j) {
            double sum = 0;
            for (int k = 0; k < colors; ++k) {
                const double cc = haveCalibration ? dng.calibration[i][k] : (i == k ? 1.0 : 0.0);
                sum += cc * dng.colormatrix[k][j];
            }
            const double ab =
                color.dng_levels.analogbalance[i] > 0 ? color.dng_levels.analogbalance[i] : 1.0;
            out[i][j] = i < colors ? ab * sum : 0.0;
        }
}

// The as-shot white (the light the camera balanced for) in XYZ, from the camera's response to it,
// `neutral` (= 1 / white-balance multiplier, raw channel order). Uses, in order: LibRaw's
// XYZ → camera matrix (cam_xyz; set for the cameras of its built-in table, zero for DNG in
// LibRaw 0.20), the DNG ColorMatrix1/2 interpolated by temperature as the DNG SDK does, or
// rgb_cam with LibRaw's daylight multipliers (a D65-balanced camera → sRGB matrix).
std::optional<TempTint> asShotTemperature(const libraw_colordata_t& color, int colors,
                                          const std::array<double, 4>& neutral) {
    if (colors != 3 && colors != 4) return std::nullopt;
    auto fromMatrix = [&](const double xyzToCam[4][3]) -> std::optional<TempTint> {
        auto camToXyz = cameraToXyz(xyzToCam, colors);
        if (!camToXyz) return std::nullopt;
        Vec3 xyz{};
        for (int i = 0; i < 3; ++i)
            for (int k = 0; k < colors; ++k)
                xyz[i] += (*camToXyz)[i][k] * neutral[k];
        return temperatureFromXyz(xyz);
    };

    if (nonZero(color.cam_xyz, colors)) {
        double m[4][3];
        for (int i = 0; i < 4; ++i)
            for (int j = 0; j < 3; ++j)
                m[i][j] = color.cam_xyz[i][j];
        return fromMatrix(m);
    }

    const bool have1 = nonZero(color.dng_color[0].colormatrix, colors);
    const bool have2 = nonZero(color.dng_color[1].colormatrix, colors);
    if (have1 || have2) {
        double m1[4][3], m2[4][3];
        dngXyzToCamera(color, have1 ? 0 : 1, colors, m1);
        dngXyzToCamera(color, have2 ? 1 : 0, colors, m2);
        const double t1 = illuminantKelvin(color.dng_color[have1 ? 0 : 1].illuminant);
        const double t2 = illuminantKelvin(color.dng_color[have2 ? 1 : 0].illuminant);
        if (!(have1 && have2) || t1 <= 0 || t2 <= 0 || t1 == t2) return fromMatrix(m1);
        // Two calibrations: weight them by inverse temperature, iterating to a fixed point.
        double kelvin = 0.5 * (t1 + t2);
        std::optional<TempTint> result;
        for (int iteration = 0; iteration < 30; ++iteration) {
            double g = (1.0 / kelvin - 1.0 / t2) / (1.0 / t1 - 1.0 / t2);
            g = std::clamp(g, 0.0, 1.0);
            double m[4][3];
            for (int i = 0; i < 4; ++i)
                for (int j = 0; j < 3; ++j)
                    m[i][j] = g * m1[i][j] + (1.0 - g) * m2[i][j];
            result = fromMatrix(m);
            if (!result) return std::nullopt;
            if (std::abs(result->kelvin - kelvin) < 0.5) break;
            kelvin = std::clamp(result->kelvin, 1000.0, 50000.0);
        }
        return result;
    }

    // rgb_cam maps D65-balanced camera values (raw × daylight pre_mul) to linear sRGB (LibRaw's
    // built-in matrices for a few cameras, e.g. old Kodaks). Without colour data: unknown.
    if (identityRgbCam(color)) return std::nullopt;
    Vec3 xyz{};
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j)
            for (int k = 0; k < colors; ++k)
                xyz[i] += kXyzFromSrgb[i * 3 + j] * color.rgb_cam[j][k] *
                          (color.pre_mul[k] > 0 ? color.pre_mul[k] : 1.0) * neutral[k];
    return temperatureFromXyz(xyz);
}

// ---------------------------------------------------------------------------------------------
// Is it a camera RAW?

bool isTiffContainer(const std::uint8_t* bytes, std::size_t size) {
    return size >= 4 && ((bytes[0] == 'I' && bytes[1] == 'I' && bytes[2] == 42 && bytes[3] == 0) ||
                         (bytes[0] == 'M' && bytes[1] == 'M' && bytes[2] == 0 && bytes[3] == 42));
}

// After a successful open_buffer: does LibRaw describe a camera RAW? LibRaw also "opens" ordinary
// single-channel 16-bit TIFFs that carry a Make tag (thermal and multispectral cameras: DJI XT2,
// FLIR, Parrot Sequoia …) and would demosaic them as if they were Bayer data. A TIFF container
// that is neither DNG nor a camera LibRaw has any colour data for is such an ordinary TIFF.
enum class Claim { CameraRaw, NotRaw, PlainTiff };

Claim classify(const LibRaw& raw, const std::uint8_t* bytes, std::size_t size) {
    const libraw_iparams_t& id = raw.imgdata.idata;
    const libraw_image_sizes_t& sz = raw.imgdata.sizes;
    if (!(id.make[0] || id.model[0] || id.dng_version)) return Claim::NotRaw;
    if (sz.raw_width == 0 || sz.raw_height == 0 || sz.width == 0 || sz.height == 0)
        return Claim::NotRaw;
    if (!id.dng_version && isTiffContainer(bytes, size)) {
        const libraw_colordata_t& color = raw.imgdata.color;
        if (!nonZero(color.cam_xyz, std::max(1, std::min(4, id.colors))) && identityRgbCam(color))
            return Claim::PlainTiff;
    }
    return Claim::CameraRaw;
}

void configureSilently(LibRaw& raw, ErrorSink& sink) {
    raw.set_dataerror_handler(onDataError, &sink);
    raw.set_memerror_handler(onMemoryError, &sink);
}

// ---------------------------------------------------------------------------------------------
// Is the sensor data really there? (LibRaw "succeeds" on many stripped files: it zero-fills,
// or decodes whatever bytes follow.)

struct SensorStats {
    double modalFraction = 0; // share of samples equal to the most common value
    double modalValue = 0;
    double tailConstantRows = 0; // share of (sampled) rows at the bottom that are one value
    double tailValue = 0;
    double localDiff = 0;  // mean |a − b| for same-colour neighbours
    double globalDiff = 0; // mean |a − b| for same-colour samples far apart
    std::size_t samples = 0;
};

template <typename Sample>
SensorStats sensorStats(int width, int height, int period, int channels, Sample sample) {
    SensorStats stats;
    if (width <= period || height <= 0) return stats;
    // About 600 sampled rows (every row of small images), every column.
    int rowStep = std::max(1, height / 600);
    rowStep = (rowStep + period - 1) / period * period; // same CFA phase pattern row to row
    const int xShift = (width / 2) / period * period;
    const int yShift = (height / 2) / period * period;

    std::vector<std::uint32_t> histogram(65536, 0);
    double local = 0, global = 0;
    std::size_t localCount = 0, globalCount = 0, count = 0;
    int sampledRows = 0, trailingConstant = 0;
    double lastConstantValue = -1;
    for (int y = 0; y < height; y += rowStep) {
        ++sampledRows;
        // Partners half a frame away, in the same CFA phase (shift back when past the edge).
        const int y2 = y + yShift < height ? y + yShift : y - yShift;
        bool constant = true;
        double first = 0;
        for (int c = 0; c < channels; ++c) {
            for (int x = 0; x < width; ++x) {
                const double v = sample(x, y, c);
                if (x == 0 && c == 0) first = v;
                constant &= v == first;
                ++histogram[std::size_t(std::clamp(v, 0.0, 65535.0))];
                ++count;
                if (x + period < width) {
                    local += std::abs(v - sample(x + period, y, c));
                    ++localCount;
                }
                if (((x >> 1) & 1) == 0) { // half the pairs (both CFA columns) is plenty
                    const int x2 = x + xShift < width ? x + xShift : x - xShift;
                    global += std::abs(v - sample(x2, y2, c));
                    ++globalCount;
                }
            }
        }
        if (constant) {
            if (trailingConstant == 0 || first == lastConstantValue) {
                ++trailingConstant;
            } else {
                trailingConstant = 1;
            }
            lastConstantValue = first;
        } else {
            trailingConstant = 0;
        }
    }
    const auto mode = std::max_element(histogram.begin(), histogram.end());
    stats.samples = count;
    stats.modalFraction = count ? double(*mode) / double(count) : 0;
    stats.modalValue = double(mode - histogram.begin());
    stats.tailConstantRows = sampledRows ? double(trailingConstant) / sampledRows : 0;
    stats.tailValue = lastConstantValue;
    stats.localDiff = localCount ? local / double(localCount) : 0;
    stats.globalDiff = globalCount ? global / double(globalCount) : 0;
    return stats;
}

// Returns an Error when the unpacked data is missing (all zero, constant, a zero-filled tail),
// decoded from the wrong bytes (values far above the white level) or noise with no image in it.
std::optional<Error> checkSensorData(const LibRaw& raw) {
    const libraw_rawdata_t& rd = raw.imgdata.rawdata;
    const libraw_image_sizes_t& sz = rd.sizes;
    const libraw_iparams_t& id = raw.imgdata.idata;
    const double white = rd.color.maximum;
    const double black = rd.color.black;

    const int left = sz.left_margin, top = sz.top_margin;
    const int width = std::min<int>(sz.width, sz.raw_width - left);
    const int height = std::min<int>(sz.height, sz.raw_height - top);
    if (width <= 0 || height <= 0) return missingDataError();

    SensorStats stats;
    bool haveData = false;
    if (rd.raw_image) {
        const std::size_t pitch = sz.raw_pitch / 2;
        const ushort* base = rd.raw_image;
        const int period = id.filters == 9 ? 6 : (id.filters ? 2 : 1);
        stats = sensorStats(width, height, period, 1, [&](int x, int y, int) {
            return double(base[std::size_t(top + y) * pitch + std::size_t(left + x)]);
        });
        haveData = true;
    } else if (rd.color4_image || rd.color3_image) {
        const int channels = rd.color4_image ? 4 : 3;
        const std::size_t pitch = sz.raw_pitch / (2 * channels);
        const ushort* base = rd.color4_image ? &rd.color4_image[0][0] : &rd.color3_image[0][0];
        const int used = std::clamp(id.colors, 1, channels);
        stats = sensorStats(width, height, 1, used, [&](int x, int y, int c) {
            return double(base[(std::size_t(top + y) * pitch + std::size_t(left + x)) * channels +
                               std::size_t(c)]);
        });
        haveData = true;
    } else if (rd.float_image || rd.float3_image || rd.float4_image) {
        const int channels = rd.float_image ? 1 : (rd.float3_image ? 3 : 4);
        const float* base = rd.float_image    ? rd.float_image
                            : rd.float3_image ? &rd.float3_image[0][0]
                                              : &rd.float4_image[0][0];
        const std::size_t pitch = sz.raw_pitch / (sizeof(float) * channels);
        const int used = channels == 1 ? 1 : std::clamp(id.colors, 1, channels);
        const int period = channels == 1 ? (id.filters == 9 ? 6 : (id.filters ? 2 : 1)) : 1;
        // Floats (normally 0…1) are mapped onto the 16-bit scale of the statistics.
        const double scale = white > 0 && white <= 2.0 ? 65535.0 / white : 1.0;
        stats = sensorStats(width, height, period, used, [&](int x, int y, int c) {
            const float v =
                base[(std::size_t(top + y) * pitch + std::size_t(left + x)) * channels + c];
            return std::isfinite(v) ? double(v) * scale : 0.0;
        });
        haveData = true;
    }
    if (!haveData || stats.samples == 0) return missingDataError();

    // A real sensor is never one value almost everywhere, except fully clipped at its white level.
    auto clippedWhite = [&](double v) { return white > 0 && v >= 0.8 * white && v <= white; };
    if (stats.modalFraction > 0.95 && !clippedWhite(stats.modalValue)) return missingDataError();
    // Rows at the bottom that are all one value: the decoder ran out of data and zero-filled.
    if (stats.tailConstantRows >= 0.02 && !clippedWhite(stats.tailValue)) return missingDataError();
    // Noise: same-colour neighbours no more alike than samples half a frame apart, over a wide
    // range. Real photos are strongly correlated at two pixels' distance; a dark, noisy frame
    // has a small spread and is let through.
    const double range = std::max(1.0, white - black);
    if (stats.globalDiff > 0.04 * range && stats.localDiff > 0.75 * stats.globalDiff)
        return rawError("its sensor data is corrupted (it decodes to noise, not an image)");
    return std::nullopt;
}

// Where the image data should be, from what LibRaw parsed (a public accessor in LibRaw 0.20).
std::optional<Error> checkDataLocation(LibRaw& raw, std::size_t size) {
    const libraw_internal_data_t* internal = raw.get_internal_data_pointer();
    if (!internal) return std::nullopt;
    const INT64 offset = internal->unpacker_data.data_offset;
    const INT64 length = internal->unpacker_data.data_size;
    if (offset < 0 || std::uint64_t(offset) >= size) return missingDataError();
    // DNG image data never starts at 0 (the TIFF header is there); headerless RAWs may.
    if (offset == 0 && raw.imgdata.idata.dng_version) return missingDataError();
    if (length > 0 && std::uint64_t(offset) + std::uint64_t(length) > size)
        return missingDataError();
    // Every RAW codec spends well over 1/32 bit per sample on a real sensor (noise alone costs
    // more; lossless JPEG cannot go below 1 bit): far fewer bytes than that after the data's
    // start means the pixels are not in the file.
    const libraw_image_sizes_t& sz = raw.imgdata.sizes;
    const libraw_iparams_t& id = raw.imgdata.idata;
    const std::uint64_t perPixel = (id.filters || id.colors <= 1) ? 1 : std::uint64_t(id.colors);
    const std::uint64_t samples = std::uint64_t(sz.raw_width) * sz.raw_height * perPixel;
    if (samples > 256 * (std::uint64_t(size) - std::uint64_t(offset))) return missingDataError();
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------

std::string cameraName(const libraw_iparams_t& id) {
    std::string make = id.make, model = id.model;
    if (make.empty()) return model.empty() ? std::string("unknown camera") : model;
    if (model.empty()) return make;
    // LibRaw normalises make; some models repeat it ("Canon Canon EOS …").
    if (model.rfind(make, 0) == 0) return model;
    return make + " " + model;
}

int bitsFor(unsigned maximum) {
    int bits = 0;
    while (maximum > 0 && bits < 32) {
        ++bits;
        maximum >>= 1;
    }
    return std::clamp(bits, 1, 32);
}

void configure(LibRaw& raw, const LoadOptions& options) {
    libraw_output_params_t& p = raw.imgdata.params;
    p.use_camera_wb = 1; // as-shot white balance (recorded in RawInfo)
    p.use_auto_wb = 0;
    p.use_camera_matrix = 1; // embedded matrix when the camera provides one
    p.output_color = 0;      // camera RGB out; the matrix is applied here, in float
    p.output_bps = 16;
    p.gamm[0] = 1.0; // linear
    p.gamm[1] = 1.0;
    p.no_auto_bright = 1; // sensor white level stays at a fixed output value
    // LibRaw lowers the white level to the brightest value found when that is above 75 % of it;
    // that is an image-dependent gain (auto-brightening by up to 1.33×): off.
    p.adjust_maximum_thr = 0.0f;
    // Highlights: "blend" (2). Where a channel clipped, the pixel keeps the lightness of its
    // unclipped values and takes the chroma of the values clipped to neutral, so blown areas turn
    // neutral and partly clipped ones fade into them smoothly. Mode 0 (clip) hard-clips every
    // channel and shifts the hue of partly clipped areas, mode 1 (unclip) leaves magenta casts,
    // and the rebuild modes 3–9 are several times slower and can invent colour. Blown areas
    // then sit above 1.0 (by up to the ratio of the largest to the smallest white-balance gain,
    // e.g. ≈ 1.5 in daylight), which the float pipeline keeps for the highlights op.
    p.highlight = 2;
    p.half_size = options.rawHalfSize ? 1 : 0;
    p.user_qual = 3;  // AHD (LibRaw picks its X-Trans interpolation for X-Trans sensors)
    p.user_flip = -1; // the file's orientation
}

} // namespace

bool isCameraRaw(const std::uint8_t* bytes, std::size_t size) {
    if (!bytes || size < 16) return false;
    try {
        GuardedStream stream(bytes, size); // outlives `raw`, which only borrows it
        stream.budgetForParsing(size);
        auto raw = std::make_unique<LibRaw>();
        ErrorSink sink;
        configureSilently(*raw, sink);
        if (raw->open_datastream(&stream) != LIBRAW_SUCCESS) return false;
        return classify(*raw, bytes, size) == Claim::CameraRaw;
    } catch (...) {
        return false;
    }
}

Result<DecodedImage> decodeRaw(const std::uint8_t* bytes, std::size_t size,
                               const LoadOptions& options) {
    if (!bytes || size == 0) return rawError("the file is empty", "Use another copy of the photo.");
    try {
        GuardedStream stream(bytes, size); // outlives `raw`, which only borrows it
        auto raw = std::make_unique<LibRaw>();
        ErrorSink sink;
        configureSilently(*raw, sink);
        configure(*raw, options);

        stream.budgetForParsing(size);
        int rc = raw->open_datastream(&stream);
        if (rc != LIBRAW_SUCCESS) return libRawError(rc, "reading the file header");
        switch (classify(*raw, bytes, size)) {
        case Claim::CameraRaw:
            break;
        case Claim::NotRaw:
            return libRawError(LIBRAW_FILE_UNSUPPORTED, "identifying the camera");
        case Claim::PlainTiff:
            return rawError("it is an ordinary TIFF image, not camera RAW data",
                            "Open it as a TIFF image.");
        }

        const libraw_image_sizes_t& sz = raw->imgdata.sizes;
        // Full-resolution size before orientation (dcraw_process overwrites width/height with
        // the half-size ones).
        const int fullW = sz.width, fullH = sz.height;
        // Full-resolution output size (what the file declares), pixel-aspect stretch included;
        // the half-size path still unpacks the full sensor, so the limit applies to that.
        std::uint64_t outW = sz.width, outH = sz.height;
        if (sz.pixel_aspect > 0 && sz.pixel_aspect < 1.0)
            outH = std::uint64_t(double(outH) / sz.pixel_aspect + 0.5);
        else if (sz.pixel_aspect > 1.0)
            outW = std::uint64_t(double(outW) * sz.pixel_aspect + 0.5);
        if (Status limit = checkPixelLimit(outW, outH, options); !limit)
            return limitError(limit.error());
        // The sensor buffer (margins included) is allocated too; refuse absurd ones.
        if (std::uint64_t(sz.raw_width) * sz.raw_height >
            4 * std::max<std::uint64_t>(1, outW * outH))
            if (Status limit = checkPixelLimit(sz.raw_width, sz.raw_height, options); !limit)
                return limitError(limit.error());

        if (auto bad = checkDataLocation(*raw, size)) return *bad;

        stream.counting = true;
        stream.budgetForDecoding(size);
        if (zeroFillSupported()) stream.zeroFillFor = raw.get();
        rc = raw->unpack();
        stream.counting = false;
        stream.zeroFillFor = nullptr;
        if (sink.memoryError) return libRawError(LIBRAW_UNSUFFICIENT_MEMORY, "unpacking");
        if (rc != LIBRAW_SUCCESS) return libRawError(rc, "unpacking the sensor data");
        // The decoder kept asking for data after the end of the file: truncated. (A complete
        // file may see a few such reads from bit-reader prefetch or a final partial block.)
        if (stream.endHits > 1000 || stream.shortBytes > (1u << 20)) return missingDataError();
        if (sink.dataErrors > 0 || raw->error_count() > 0) {
            if (sink.endOfFile) return missingDataError();
            return rawError("its sensor data is corrupted (LibRaw found decoding errors)");
        }
        if (auto bad = checkSensorData(*raw)) return *bad;

        const int rawBits = bitsFor(raw->imgdata.rawdata.color.maximum);
        const bool floatData = raw->imgdata.rawdata.float_image ||
                               raw->imgdata.rawdata.float3_image ||
                               raw->imgdata.rawdata.float4_image;
        // Daylight multipliers and matrices as identified (dcraw_process changes imgdata.color).
        const libraw_colordata_t identified = raw->imgdata.rawdata.color;

        rc = raw->dcraw_process();
        if (sink.memoryError) return libRawError(LIBRAW_UNSUFFICIENT_MEMORY, "processing");
        if (rc != LIBRAW_SUCCESS) return libRawError(rc, "demosaicing");
        if (sink.dataErrors > 0) return missingDataError();

        const libraw_data_t& d = raw->imgdata;
        const int colors = d.idata.colors;
        // The processed image's size, as dcraw_make_mem_image reads it: width/height (half size,
        // Fuji rotation and pixel-aspect stretch included), not iwidth/iheight.
        const int iw = d.sizes.width, ih = d.sizes.height;
        if (!d.image || iw <= 0 || ih <= 0 || colors < 1 || colors > 4)
            return rawError("LibRaw produced no image", kHintOriginal);

        // White balance that was applied: scale_colors leaves pre_mul normalised to max = 1.
        std::array<double, 4> applied{};
        for (int c = 0; c < 4; ++c)
            applied[c] = d.color.pre_mul[c];
        if (colors < 4 || applied[3] <= 0) applied[3] = applied[1];
        double minMul = 1e30, maxMul = 0;
        for (int c = 0; c < std::max(colors, 3) && c < 4; ++c) {
            if (applied[c] <= 0 || !std::isfinite(applied[c])) applied[c] = 1.0;
            minMul = std::min(minMul, applied[c]);
            maxMul = std::max(maxMul, applied[c]);
        }
        if (colors == 1) minMul = maxMul = 1.0;
        // With highlight handling on, LibRaw scales channel c by pre_mul[c]/max so nothing passes
        // 65535; a neutral at the sensor white level lands at 65535·min/max. That is 1.0 here.
        const double toUnit = maxMul / (65535.0 * minMul);

        // Camera RGB (white-balanced) → linear sRGB (rgb_cam) → XYZ → linear Rec.2020.
        const Matrix3 srgbToRec2020 = multiply(xyzToRec2020(), kXyzFromSrgb);
        float m[3][4] = {};
        for (int i = 0; i < 3; ++i)
            for (int k = 0; k < colors && k < 4; ++k) {
                double sum = 0;
                for (int j = 0; j < 3; ++j)
                    sum += srgbToRec2020[i * 3 + j] * d.color.rgb_cam[j][k];
                m[i][k] = float(sum * toUnit);
            }
        if (colors == 1)
            for (int i = 0; i < 3; ++i)
                m[i][0] = float(toUnit);

        // Orientation exactly as LibRaw's dcraw_make_mem_image applies it (flip_index): output
        // (row, col) reads source (r, c) with (r, c) = swap ? (col, row) : (row, col), then
        // r mirrored when flip & 2, c mirrored when flip & 1. Along an output row that is a
        // fixed start and a fixed step.
        const int flip = d.sizes.flip;
        const bool swap = (flip & 4) != 0;
        const int outWidth = swap ? ih : iw;
        const int outHeight = swap ? iw : ih;
        Image image(outWidth, outHeight);
        const ushort(*src)[4] = d.image;
        const std::ptrdiff_t stride = iw;
        float peak = 0;
#pragma omp parallel for schedule(static) reduction(max : peak)
        for (int row = 0; row < outHeight; ++row) {
            std::ptrdiff_t index, step;
            if (!swap) {
                const std::ptrdiff_t r = (flip & 2) ? ih - 1 - row : row;
                index = r * stride + ((flip & 1) ? iw - 1 : 0);
                step = (flip & 1) ? -1 : 1;
            } else {
                const std::ptrdiff_t c = (flip & 1) ? iw - 1 - row : row;
                index = ((flip & 2) ? std::ptrdiff_t(ih - 1) : 0) * stride + c;
                step = (flip & 2) ? -stride : stride;
            }
            float* out = image.row(row);
            float rowPeak = 0;
            for (int col = 0; col < outWidth; ++col, index += step, out += 3) {
                const ushort* p = src[index];
                const float v0 = p[0], v1 = p[1], v2 = p[2], v3 = colors == 4 ? p[3] : 0;
                out[0] = m[0][0] * v0 + m[0][1] * v1 + m[0][2] * v2 + m[0][3] * v3;
                out[1] = m[1][0] * v0 + m[1][1] * v1 + m[1][2] * v2 + m[1][3] * v3;
                out[2] = m[2][0] * v0 + m[2][1] * v1 + m[2][2] * v2 + m[2][3] * v3;
                rowPeak = std::max(rowPeak, std::max(out[0], std::max(out[1], out[2])));
            }
            peak = std::max(peak, rowPeak);
        }
        // Nothing at all above zero: not a photo, whatever LibRaw thought.
        if (!(peak > 0)) return missingDataError();

        const bool shrunk = iw < fullW || ih < fullH; // LibRaw binned 2×2 (CFA sensors only)

        // Non-CFA data (linear DNG, Foveon, sRAW) is not binned by LibRaw: halve it here so the
        // fast path's size is predictable.
        bool halfSize = shrunk;
        if (options.rawHalfSize && !shrunk && outWidth >= 2 && outHeight >= 2) {
            Image half(outWidth / 2, outHeight / 2);
#pragma omp parallel for schedule(static)
            for (int y = 0; y < half.height(); ++y) {
                const float* a = image.row(2 * y);
                const float* b = image.row(2 * y + 1);
                float* out = half.row(y);
                for (int x = 0; x < half.width(); ++x)
                    for (int c = 0; c < 3; ++c)
                        out[x * 3 + c] = 0.25f * (a[6 * x + c] + a[6 * x + 3 + c] + b[6 * x + c] +
                                                  b[6 * x + 3 + c]);
            }
            image = std::move(half);
            halfSize = true;
        }

        DecodedImage decoded;
        decoded.pixels = std::move(image);
        decoded.storedWidth = fullW;
        decoded.storedHeight = fullH;
        decoded.bitsPerSample = floatData ? 32 : std::min(rawBits, 16);
        decoded.floatingPoint = floatData;
        decoded.orientationApplied = true;

        const std::string camera = cameraName(d.idata);
        const bool matrixKnown = !identityRgbCam(identified) || nonZero(identified.cam_xyz, 3);
        decoded.colorProfile = "Camera RAW (" + camera + ")" +
                               (matrixKnown ? "" : ", no colour matrix: camera RGB taken as sRGB") +
                               " → linear Rec.2020";

        RawInfo info;
        for (int c = 0; c < 4; ++c)
            info.asShotMultipliers[c] = float(applied[c] / applied[1]);
        info.cameraMake = d.idata.make;
        info.cameraModel = d.idata.model;
        info.rawWidth = d.sizes.raw_width;
        info.rawHeight = d.sizes.raw_height;
        info.halfSize = halfSize;
        if (colors >= 3) {
            std::array<double, 4> neutral{};
            for (int c = 0; c < 4; ++c)
                neutral[c] = applied[1] / applied[c];
            if (auto tt = asShotTemperature(identified, colors, neutral)) {
                info.asShotTemperatureK = tt->kelvin;
                info.asShotTint = tt->tint;
            }
        }
        decoded.raw = info;
        return decoded;
    } catch (const std::bad_alloc&) {
        return libRawError(LIBRAW_UNSUFFICIENT_MEMORY, "decoding");
    } catch (const std::exception& e) {
        return rawError(std::string("LibRaw failed (") + e.what() + ")",
                        "The file may be damaged. " + std::string(kHintOriginal));
    } catch (...) {
        return rawError("LibRaw failed with an unknown error",
                        "The file may be damaged. " + std::string(kHintOriginal));
    }
}

} // namespace pictor
