#include "instructions/Tokenizer.h"

#include <charconv>
#include <cmath>

namespace pictor::instructions {

namespace {

bool isDigit(unsigned char c) {
    return c >= '0' && c <= '9';
}
bool isLetter(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool isSpace(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

// Length of a typographic minus (U+2212) or en dash (U+2013) at i, else 0: people paste
// "−1.5°" from documents.
std::size_t unicodeMinus(std::string_view s, std::size_t i) {
    if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2) {
        const auto b1 = static_cast<unsigned char>(s[i + 1]);
        const auto b2 = static_cast<unsigned char>(s[i + 2]);
        if ((b1 == 0x88 && b2 == 0x92) || (b1 == 0x80 && b2 == 0x93)) return 3;
    }
    return 0;
}

bool startsNumber(std::string_view s, std::size_t i) {
    const auto at = [&](std::size_t k) {
        return k < s.size() ? static_cast<unsigned char>(s[k]) : 0;
    };
    if (isDigit(at(i))) return true;
    if (at(i) == '.' && isDigit(at(i + 1))) return true;
    std::size_t k = i;
    if (at(k) == '+' || at(k) == '-')
        ++k;
    else if (const std::size_t m = unicodeMinus(s, k))
        k += m;
    else
        return false;
    return isDigit(at(k)) || (at(k) == '.' && isDigit(at(k + 1)));
}

// Length of the UTF-8 sequence starting at i when it is valid, else 0.
std::size_t utf8Length(std::string_view s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k)
        if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) return 0;
    if (n == 2 && c < 0xC2) return 0; // overlong
    return n;
}

} // namespace

std::vector<Token> tokenize(std::string_view s, std::size_t maxTokens) {
    std::vector<Token> out;
    std::size_t i = 0;
    while (i < s.size() && out.size() <= maxTokens) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (isSpace(c) || c == '(' || c == ')' || c == '.' || c == '!' || c == '?' || c == '"') {
            if (c == '.' && i + 1 < s.size() && isDigit(static_cast<unsigned char>(s[i + 1]))) {
                // ".5" is a number, handled below
            } else {
                ++i;
                continue;
            }
        }
        Token t;
        t.offset = int(i);
        if (startsNumber(s, i)) {
            t.kind = Token::Number;
            std::string digits;
            std::size_t k = i;
            if (s[k] == '+' || s[k] == '-') {
                t.hasSign = true;
                if (s[k] == '-') digits += '-';
                ++k;
            } else if (const std::size_t m = unicodeMinus(s, k)) {
                t.hasSign = true;
                digits += '-';
                k += m;
            }
            while (k < s.size() && isDigit(static_cast<unsigned char>(s[k])))
                digits += s[k++];
            if (k < s.size() && s[k] == '.') {
                digits += s[k++];
                while (k < s.size() && isDigit(static_cast<unsigned char>(s[k])))
                    digits += s[k++];
            }
            // An exponent only when digits follow ("1e-05"), so that "1ev" stays 1 EV.
            if (k < s.size() && (s[k] == 'e' || s[k] == 'E')) {
                std::size_t e = k + 1;
                if (e < s.size() && (s[e] == '+' || s[e] == '-')) ++e;
                if (e < s.size() && isDigit(static_cast<unsigned char>(s[e]))) {
                    digits += 'e';
                    digits.append(s.substr(k + 1, e - k - 1));
                    k = e;
                    while (k < s.size() && isDigit(static_cast<unsigned char>(s[k])))
                        digits += s[k++];
                }
            }
            // A fraction of integers: "1/3 EV".
            std::string denominator;
            if (k + 1 < s.size() && s[k] == '/' && isDigit(static_cast<unsigned char>(s[k + 1])) &&
                digits.find_first_of(".e") == std::string::npos) {
                ++k;
                while (k < s.size() && isDigit(static_cast<unsigned char>(s[k])))
                    denominator += s[k++];
            }
            t.length = int(k - i);
            t.text = std::string(s.substr(i, k - i));
            if (digits.size() > 40 || denominator.size() > 40) {
                t.badNumber = true;
            } else {
                // from_chars wants "0.5", not ".5".
                const bool negative = !digits.empty() && digits[0] == '-';
                const std::string body = negative ? digits.substr(1) : digits;
                if (!body.empty() && body[0] == '.') digits = (negative ? "-0" : "0") + body;
                const char* begin = digits.data();
                const auto [end, ec] =
                    std::from_chars(begin, digits.data() + digits.size(), t.number);
                t.badNumber = ec != std::errc() || end != digits.data() + digits.size() ||
                              !std::isfinite(t.number);
                if (!denominator.empty() && !t.badNumber) {
                    double d = 0;
                    const auto [dEnd, dEc] = std::from_chars(
                        denominator.data(), denominator.data() + denominator.size(), d);
                    t.badNumber = dEc != std::errc() || d == 0 || !std::isfinite(t.number / d);
                    if (!t.badNumber) t.number /= d;
                }
            }
            i = k;
        } else if (isLetter(c)) {
            std::size_t k = i;
            while (k < s.size()) {
                const auto d = static_cast<unsigned char>(s[k]);
                if (isLetter(d) || isDigit(d)) {
                    ++k;
                } else if ((d == '\'' || d == '-') && k + 1 < s.size() &&
                           isLetter(static_cast<unsigned char>(s[k + 1]))) {
                    k += 2;
                } else {
                    break;
                }
            }
            t.kind = Token::Word;
            t.length = int(k - i);
            for (std::size_t j = i; j < k; ++j) {
                const char ch = s[j];
                t.text += (ch >= 'A' && ch <= 'Z') ? char(ch - 'A' + 'a') : ch;
            }
            i = k;
        } else if (c == '%' || c == '=' || c == ':' || c == '&' || c == ',') {
            t.kind = Token::Word;
            t.text = std::string(1, char(c));
            t.length = 1;
            ++i;
        } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xB0) {
            t.kind = Token::Word;
            t.text = "°";
            t.length = 2;
            i += 2;
        } else {
            // Anything else up to the next space or ASCII letter/digit: one unreadable token.
            std::size_t k = i;
            do {
                const std::size_t n = utf8Length(s, k);
                k += n == 0 ? 1 : n;
            } while (k < s.size() && !isSpace(static_cast<unsigned char>(s[k])) &&
                     static_cast<unsigned char>(s[k]) >= 0x80 && k - i < 64);
            t.kind = Token::Other;
            t.length = int(k - i);
            t.text = std::string(s.substr(i, k - i));
            i = k;
        }
        out.push_back(std::move(t));
    }
    return out;
}

std::string quoted(std::string_view text, std::size_t maxBytes) {
    std::string out;
    static const char* hex = "0123456789abcdef";
    std::size_t i = 0;
    while (i < text.size()) {
        if (out.size() >= maxBytes) {
            out += "…";
            break;
        }
        const auto c = static_cast<unsigned char>(text[i]);
        const std::size_t n = utf8Length(text, i);
        if (n == 0 || c < 0x20 || c == 0x7F) {
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 15];
            ++i;
        } else {
            out.append(text.substr(i, n));
            i += n;
        }
    }
    return out;
}

} // namespace pictor::instructions
