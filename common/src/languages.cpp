#include "languages.hpp"

#include <algorithm>
#include <array>

#include "text_util.hpp"

namespace nsearch::languages {
namespace {

struct Language {
  std::string_view code;
  std::string_view english_name;
  std::string_view native_name;
  bool has_stemmer;  // Xapian 1.4 ships a Snowball stemmer for it
};

constexpr std::array kLanguages = {
    Language{"ar", "arabic", "العربية", true},
    Language{"ca", "catalan", "català", true},
    Language{"da", "danish", "dansk", true},
    Language{"de", "german", "deutsch", true},
    Language{"el", "greek", "ελληνικά", false},
    Language{"en", "english", "english", true},
    Language{"es", "spanish", "español", true},
    Language{"eu", "basque", "euskara", true},
    Language{"fi", "finnish", "suomi", true},
    Language{"fr", "french", "français", true},
    Language{"ga", "irish", "gaeilge", true},
    Language{"hu", "hungarian", "magyar", true},
    Language{"hy", "armenian", "հայերեն", true},
    Language{"id", "indonesian", "bahasa", true},
    Language{"it", "italian", "italiano", true},
    Language{"ja", "japanese", "日本語", false},
    Language{"ko", "korean", "한국어", false},
    Language{"lt", "lithuanian", "lietuvių", true},
    Language{"ne", "nepali", "नेपाली", true},
    Language{"nl", "dutch", "nederlands", true},
    Language{"no", "norwegian", "norsk", true},
    Language{"pl", "polish", "polski", false},
    Language{"pt", "portuguese", "português", true},
    Language{"ro", "romanian", "română", true},
    Language{"ru", "russian", "русский", true},
    Language{"sv", "swedish", "svenska", true},
    Language{"ta", "tamil", "தமிழ்", true},
    Language{"tr", "turkish", "türkçe", true},
    Language{"uk", "ukrainian", "українська", false},
    Language{"zh", "chinese", "中文", false},
};

const Language* find(std::string_view code) {
  for (const auto& lang : kLanguages) {
    if (lang.code == code) return &lang;
  }
  return nullptr;
}

// Function words (the common English list used by NLTK and others): they carry no topic.
constexpr std::string_view kEnglishStop[] = {
    "a",      "about",  "above", "after",  "again",    "against",    "all",  "am",
    "an",     "and",    "any",   "are",    "as",       "at",         "be",   "because",
    "been",   "before", "being", "below",  "between",  "both",       "but",  "by",
    "can",    "could",  "did",   "do",     "does",     "doing",      "down", "during",
    "each",   "few",    "for",   "from",   "further",  "had",        "has",  "have",
    "having", "he",     "her",   "here",   "hers",     "herself",    "him",  "himself",
    "his",    "how",    "i",     "if",     "in",       "into",       "is",   "it",
    "its",    "itself", "just",  "me",     "more",     "most",       "my",   "myself",
    "no",     "nor",    "not",   "now",    "of",       "off",        "on",   "once",
    "only",   "or",     "other", "our",    "ours",     "ourselves",  "out",  "over",
    "own",    "same",   "she",   "should", "so",       "some",       "such", "than",
    "that",   "the",    "their", "theirs", "them",     "themselves", "then", "there",
    "these",  "they",   "this",  "those",  "through",  "to",         "too",  "under",
    "until",  "up",     "very",  "was",    "we",       "were",       "what", "when",
    "where",  "which",  "while", "who",    "whom",     "why",        "will", "with",
    "would",  "you",    "your",  "yours",  "yourself", "yourselves",
};
constexpr std::string_view kFrenchStop[] = {
    "au",  "aux",  "avec", "ce",  "ces",  "dans", "de",   "des",  "du",  "elle", "en",  "et",
    "il",  "ils",  "la",   "le",  "les",  "leur", "lui",  "mais", "ne",  "nous", "on",  "ou",
    "par", "pas",  "pour", "qu",  "que",  "qui",  "sa",   "se",   "ses", "son",  "sur", "un",
    "une", "vous", "à",    "été", "être", "est",  "sont", "d",    "l"};
constexpr std::string_view kGermanStop[] = {
    "aber", "als", "am",  "an",   "auch",  "auf",   "aus",   "bei",   "das", "dass", "dem", "den",
    "der",  "des", "die", "ein",  "eine",  "einem", "einen", "einer", "es",  "für",  "hat", "im",
    "in",   "ist", "mit", "nach", "nicht", "noch",  "oder",  "sich",  "sie", "sind", "um",  "und",
    "vom",  "von", "vor", "war",  "wie",   "wird",  "zu",    "zum",   "zur"};
constexpr std::string_view kSpanishStop[] = {
    "a",  "al", "con",  "de",  "del", "el", "en", "es",  "la", "las", "lo", "los",
    "no", "o",  "para", "por", "que", "se", "su", "sus", "un", "una", "y"};

}  // namespace

std::string normalise(std::string_view code_or_name) {
  std::string s = text::lowercase(text::trim(code_or_name));
  // "en-US", "en_GB" -> "en"
  if (const auto sep = s.find_first_of("-_"); sep != std::string::npos) s.resize(sep);
  if (s == "nb" || s == "nn") return "no";
  for (const auto& lang : kLanguages) {
    if (s == lang.code || s == lang.english_name || s == lang.native_name) {
      return std::string(lang.code);
    }
  }
  return "und";
}

Xapian::Stem stemmer_for(std::string_view code) {
  const Language* lang = find(code);
  if (lang == nullptr || !lang->has_stemmer) return Xapian::Stem();
  return Xapian::Stem(std::string(lang->code));
}

std::span<const std::string_view> stop_words(std::string_view code) {
  if (code == "en") return kEnglishStop;
  if (code == "fr") return kFrenchStop;
  if (code == "de") return kGermanStop;
  if (code == "es") return kSpanishStop;
  return {};
}

}  // namespace nsearch::languages
