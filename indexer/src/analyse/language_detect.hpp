// Language identification of article text (internal).
#pragma once

#include <string>
#include <string_view>

namespace nsearch {

/// ISO 639-1 code of the language `text` is written in, or "und" when it cannot be told
/// reliably (too little text, or a language outside the detector's model).
std::string detect_language(std::string_view text);

}  // namespace nsearch
