#include "analyse/language_detect.hpp"

#include <cld2/public/compact_lang_det.h>

#include "languages.hpp"

namespace nsearch {

std::string detect_language(std::string_view text) {
  // CLD2 needs a few sentences; more than 64 KiB adds nothing but time.
  constexpr std::size_t kSampleBytes = 64 * 1024;
  std::string_view sample = text.substr(0, kSampleBytes);
  // Do not cut a UTF-8 sequence in half.
  while (!sample.empty() && sample.size() < text.size() &&
         (static_cast<unsigned char>(text[sample.size()]) & 0xC0) == 0x80) {
    sample.remove_suffix(1);
  }
  bool reliable = false;
  const CLD2::Language lang = CLD2::DetectLanguage(sample.data(), static_cast<int>(sample.size()),
                                                   /*is_plain_text=*/true, &reliable);
  if (!reliable || lang == CLD2::UNKNOWN_LANGUAGE) return "und";
  return languages::normalise(CLD2::LanguageCode(lang));
}

}  // namespace nsearch
