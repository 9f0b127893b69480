#pragma once
// Splits one instruction into words, numbers and symbols with their byte positions. Total over
// any bytes: what it cannot read becomes an Other token (reported by the parser), never a crash.
// Internal to core/instructions.
#include <string>
#include <string_view>
#include <vector>

namespace pictor::instructions {

struct Token {
    enum Kind { Word, Number, Other } kind = Word;
    std::string text;       // Word: lower-case ASCII ("°", "%", "=", ":", "&", "," are words too);
                            // Number/Other: as written
    int offset = 0;         // byte offset in the instruction
    int length = 0;         // bytes
    double number = 0;      // Number: the value (exact: std::from_chars)
    bool hasSign = false;   // Number: written with + or −
    bool badNumber = false; // Number: too long or out of range for a double
};

// Tokens of `text`, at most maxTokens (+1 to tell that there were more).
std::vector<Token> tokenize(std::string_view text, std::size_t maxTokens);

// `text` made safe to quote in a message: valid UTF-8 is kept, control characters and invalid
// bytes become \xNN, and it is cut to about maxBytes.
std::string quoted(std::string_view text, std::size_t maxBytes = 40);

} // namespace pictor::instructions
