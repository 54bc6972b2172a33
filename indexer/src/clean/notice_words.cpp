#include "clean/notice_words.hpp"
#include "text_util.hpp"

#include <array>

namespace nsearch {
namespace {

// Word beginnings (lower-case ASCII) of notice vocabulary: cookies, privacy and data
// protection, consent, personal data, tracking and third parties, licences. Prefixes so that
// inflections and compounds count too ("Cookie-Einstellungen", "consentement",
// "Datenschutzerklärung", "licenza"). Only words that rarely open a word of another meaning.
constexpr std::array<std::string_view, 29> kNoticePrefixes{
    "cookie",         "ciasteczk",    "datenschutz",   "privacy",  "privacidad",    "privacidade",
    "confidentialit", "riservatezza", "privatsph",     "prywatno", "gegevensbesch", "dataskydd",
    "databeskyt",     "gdpr",         "dsgvo",         "rgpd",     "consent",       "einwillig",
    "einverst",       "zustimm",      "toestemming",   "samtyck",  "personenbez",   "persoonsgeg",
    "personnelles",   "tracking",     "drittanbieter", "lizenz",   "licen"};

bool starts_with_ascii_ci(std::string_view word, std::string_view prefix) {
  if (word.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (text::ascii_lower(word[i]) != prefix[i]) return false;
  }
  return true;
}

bool equals_ascii_ci(std::string_view word, std::string_view lower) {
  return word.size() == lower.size() && starts_with_ascii_ci(word, lower);
}

}  // namespace

void NoticeWordCounter::add(std::string_view word) {
  if (after_creative_ && equals_ascii_ci(word, "commons")) ++count_;
  after_creative_ = equals_ascii_ci(word, "creative");
  // Most words start with a letter no prefix starts with: rejected without the list.
  constexpr std::string_view kFirstLetters = "cdprgtezsl";
  if (word.empty() || kFirstLetters.find(text::ascii_lower(word.front())) == std::string_view::npos)
    return;
  for (const std::string_view prefix : kNoticePrefixes) {
    if (starts_with_ascii_ci(word, prefix)) {
      ++count_;
      return;
    }
  }
}

}  // namespace nsearch
