// The function-word lexicon: see function_words.hpp. Each list holds the most frequent
// grammatical words of running news text in its language (articles, pronouns, prepositions,
// conjunctions, auxiliaries, common adverbs), not topic words.
#include "function_words.hpp"

#include <algorithm>
#include <array>

namespace nsearch::languages {
namespace {

constexpr std::string_view kEnglish[] = {
    "a",         "about",   "above",   "after",   "again",   "against", "all",      "also",
    "although",  "am",      "an",      "and",     "another", "any",     "are",      "around",
    "as",        "at",      "back",    "be",      "because", "been",    "before",   "being",
    "below",     "between", "both",    "but",     "by",      "can",     "can't",    "could",
    "did",       "didn't",  "do",      "does",    "doing",   "don't",   "down",     "during",
    "each",      "even",    "ever",    "every",   "few",     "for",     "from",     "further",
    "had",       "has",     "have",    "having",  "he",      "he's",    "her",      "here",
    "hers",      "herself", "him",     "himself", "his",     "how",     "however",  "i",
    "i'm",       "i've",    "if",      "in",      "into",    "is",      "isn't",    "it",
    "it's",      "its",     "itself",  "just",    "last",    "like",    "many",     "may",
    "me",        "might",   "more",    "most",    "much",    "must",    "my",       "myself",
    "never",     "next",    "no",      "nor",     "not",     "now",     "of",       "off",
    "on",        "once",    "one",     "only",    "or",      "other",   "our",      "ours",
    "ourselves", "out",     "over",    "own",     "said",    "same",    "say",      "says",
    "she",       "she's",   "should",  "since",   "so",      "some",    "still",    "such",
    "than",      "that",    "that's",  "the",     "their",   "theirs",  "them",     "themselves",
    "then",      "there",   "there's", "these",   "they",    "they're", "this",     "those",
    "though",    "through", "to",      "told",    "too",     "two",     "under",    "until",
    "up",        "us",      "very",    "was",     "wasn't",  "we",      "we're",    "we've",
    "well",      "were",    "what",    "what's",  "when",    "where",   "whether",  "which",
    "while",     "who",     "who's",   "whom",    "whose",   "why",     "will",     "with",
    "won't",     "would",   "yet",     "you",     "your",    "yours",   "yourself", "yourselves",
    "already",   "get",     "got",     "going",   "made",    "make"};
constexpr std::string_view kGerman[] = {
    "aber",   "alle",    "als",    "also",  "am",      "an",    "auch",  "auf",   "aus",
    "bei",    "bereits", "bis",    "da",    "dabei",   "damit", "dann",  "das",   "dass",
    "daß",    "dem",     "den",    "denn",  "der",     "des",   "die",   "dies",  "diese",
    "dieser", "doch",    "durch",  "ein",   "eine",    "einem", "einen", "einer", "eines",
    "er",     "es",      "für",    "gegen", "habe",    "haben", "hat",   "hatte", "hier",
    "ich",    "ihr",     "ihre",   "im",    "immer",   "in",    "ist",   "ja",    "jedoch",
    "kann",   "kein",    "keine",  "man",   "mehr",    "mit",   "nach",  "nicht", "noch",
    "nun",    "nur",     "ob",     "oder",  "ohne",    "schon", "sehr",  "sei",   "sein",
    "seine",  "seit",    "sich",   "sie",   "sind",    "so",    "sowie", "über",  "um",
    "und",    "uns",     "unter",  "vom",   "von",     "vor",   "war",   "waren", "was",
    "weil",   "wenn",    "werden", "wie",   "wieder",  "wir",   "wird",  "wo",    "wurde",
    "wurden", "zu",      "zum",    "zur",   "zwischen"};
constexpr std::string_view kFrench[] = {
    "à",     "a",     "ainsi", "alors", "après", "au",     "aussi",  "autre", "aux",  "avait",
    "avant", "avec",  "avoir", "c'est", "ce",    "cela",   "celle",  "celui", "ces",  "cet",
    "cette", "comme", "d'un",  "d'une", "dans",  "de",     "depuis", "des",   "deux", "donc",
    "dont",  "du",    "elle",  "elles", "en",    "encore", "entre",  "est",   "et",   "été",
    "être",  "eux",   "fait",  "il",    "ils",   "je",     "l'",     "la",    "le",   "les",
    "leur",  "leurs", "lors",  "lui",   "mais",  "même",   "nous",   "ne",    "ni",   "notre",
    "on",    "ont",   "ou",    "où",    "par",   "pas",    "peu",    "plus",  "pour", "qu'il",
    "quand", "que",   "qui",   "sa",    "sans",  "se",     "selon",  "ses",   "si",   "son",
    "sont",  "sous",  "sur",   "tout",  "très",  "un",     "une",    "vers",  "vous", "y"};
constexpr std::string_view kSpanish[] = {
    "a",     "al",    "algo",    "ante", "aunque", "como", "con",  "cuando", "de",    "del",
    "desde", "donde", "durante", "e",    "el",     "él",   "ella", "ellos",  "en",    "entre",
    "era",   "es",    "esa",     "ese",  "eso",    "esta", "está", "este",   "esto",  "fue",
    "ha",    "han",   "hasta",   "hay",  "la",     "las",  "le",   "les",    "lo",    "los",
    "más",   "muy",   "ni",      "no",   "nos",    "o",    "para", "pero",   "por",   "porque",
    "que",   "qué",   "se",      "sea",  "ser",    "si",   "sí",   "sin",    "sobre", "son",
    "su",    "sus",   "también", "todo", "tras",   "un",   "una",  "uno",    "y",     "ya"};
constexpr std::string_view kItalian[] = {
    "a",      "ad",     "al",     "alla", "alle", "anche",  "ancora", "che",    "chi",    "ci",
    "come",   "con",    "cui",    "da",   "dal",  "dalla",  "degli",  "dei",    "del",    "della",
    "delle",  "dello",  "di",     "dopo", "e",    "è",      "era",    "essere", "fra",    "gli",
    "ha",     "hanno",  "i",      "il",   "in",   "la",     "le",     "lo",     "loro",   "ma",
    "nel",    "nella",  "non",    "o",    "per",  "perché", "più",    "poi",    "quando", "quella",
    "quello", "questa", "questo", "se",   "si",   "sono",   "sta",    "su",     "sua",    "sul",
    "sulla",  "suo",    "tra",    "un",   "una",  "uno"};
constexpr std::string_view kPortuguese[] = {
    "a",    "à",    "ao",    "aos",  "as",   "até",   "com",    "como",   "da",   "das",
    "de",   "do",   "dos",   "e",    "é",    "ela",   "ele",    "eles",   "em",   "entre",
    "era",  "essa", "esse",  "esta", "está", "este",  "foi",    "há",     "isso", "já",
    "mais", "mas",  "muito", "na",   "nas",  "não",   "no",     "nos",    "num",  "numa",
    "o",    "os",   "ou",    "para", "pela", "pelo",  "por",    "quando", "que",  "se",
    "ser",  "seu",  "sua",   "são",  "sem",  "sobre", "também", "um",     "uma"};
constexpr std::string_view kDutch[] = {
    "aan",  "al",   "als", "bij",   "dan",  "dat",  "de",    "deze",   "die",   "dit",
    "door", "een",  "en",  "er",    "geen", "had",  "heeft", "hebben", "het",   "hij",
    "hun",  "ik",   "in",  "is",    "kan",  "maar", "met",   "meer",   "naar",  "niet",
    "nog",  "of",   "om",  "onder", "ook",  "op",   "over",  "te",     "tot",   "uit",
    "van",  "voor", "was", "wat",   "we",   "wel",  "werd",  "worden", "wordt", "zal",
    "ze",   "zich", "zij", "zijn",  "zo",   "zoals"};
constexpr std::string_view kDanish[] = {
    "af",  "alle",  "at",    "blev",  "da",    "de",  "dem",  "den",  "denne",  "der",  "deres",
    "det", "dog",   "du",    "efter", "eller", "en",  "end",  "er",   "et",     "for",  "fra",
    "har", "havde", "han",   "hans",  "her",   "hun", "hvad", "hvor", "i",      "ikke", "ind",
    "jeg", "kan",   "kunne", "man",   "med",   "men", "mod",  "nu",   "når",    "og",   "også",
    "om",  "op",    "os",    "over",  "på",    "sig", "sin",  "skal", "skulle", "som",  "til",
    "ud",  "var",   "vi",    "vil",   "ville", "være"};
constexpr std::string_view kSwedish[] = {
    "alla", "andra", "av",    "de",   "den", "det",    "där",    "efter", "eller", "en",    "ett",
    "från", "för",   "ha",    "hade", "han", "har",    "hon",    "hur",   "i",     "inte",  "jag",
    "kan",  "man",   "med",   "men",  "mot", "mycket", "nu",     "när",   "och",   "också", "om",
    "oss",  "på",    "sedan", "sig",  "sin", "ska",    "skulle", "som",   "så",    "till",  "under",
    "ut",   "var",   "vara",  "vi",   "vid", "vill",   "än",     "är",    "även",  "över"};
constexpr std::string_view kNorwegian[] = {
    "alle",  "av",    "bare",  "ble", "blir", "da",  "de",    "den", "denne", "der",
    "det",   "dette", "eller", "en",  "er",   "et",  "etter", "for", "fra",   "har",
    "hadde", "han",   "hun",   "i",   "ikke", "jeg", "kan",   "med", "men",   "mot",
    "nå",    "når",   "noe",   "og",  "også", "om",  "over",  "på",  "seg",   "sin",
    "skal",  "som",   "så",    "til", "ut",   "var", "vi",    "vil", "være"};
constexpr std::string_view kFinnish[] = {
    "ei",    "en",     "eivät",  "he",   "hän",   "hänen", "ja",     "jo",    "joka",   "jos",
    "jotka", "kanssa", "kuin",   "kun",  "me",    "mitä",  "mukaan", "mutta", "myös",   "niin",
    "nyt",   "oli",    "olivat", "olla", "ollut", "on",    "ovat",   "se",    "sekä",   "sen",
    "siitä", "sitten", "tai",    "tämä", "että",  "vain",  "vielä",  "voi",   "jälkeen"};
constexpr std::string_view kPolish[] = {
    "a",    "ale",  "aby",  "bo",      "by",    "był",   "była",   "było", "być",  "co",
    "czy",  "dla",  "do",   "gdy",     "go",    "i",     "ich",    "jak",  "jako", "jednak",
    "jego", "jej",  "jest", "jeszcze", "już",   "ma",    "może",   "na",   "nie",  "o",
    "od",   "oraz", "po",   "pod",     "przez", "przy",  "są",     "się",  "tak",  "także",
    "te",   "ten",  "to",   "tego",    "też",   "tylko", "w",      "we",   "więc", "z",
    "za",   "ze",   "że",   "który",   "która", "które", "których"};
constexpr std::string_view kCzech[] = {
    "a",    "ale",  "ani",  "by",   "byl", "byla",  "bylo", "do",    "i",     "jak",
    "jako", "je",   "jeho", "její", "jen", "jsou",  "k",    "které", "který", "která",
    "na",   "nebo", "o",    "od",   "po",  "podle", "pro",  "při",   "s",     "se",
    "také", "to",   "už",   "v",    "ve",  "z",     "za",   "že"};
constexpr std::string_view kRussian[] = {
    "а",       "без",     "бы",  "был", "была", "были",  "было", "в",     "во",    "вы",
    "да",      "для",     "до",  "его", "ее",   "её",    "если", "есть",  "еще",   "ещё",
    "же",      "за",      "и",   "из",  "или",  "их",    "к",    "как",   "когда", "которые",
    "который", "которая", "ли",  "мы",  "на",   "не",    "но",   "о",     "об",    "он",
    "она",     "они",     "оно", "от",  "по",   "при",   "с",    "со",    "так",   "также",
    "то",      "только",  "у",   "уже", "что",  "чтобы", "это",  "этого", "я"};
constexpr std::string_view kUkrainian[] = {
    "а",    "або",  "але",  "без",  "би", "був", "була",  "було", "в",   "від",  "вже",  "він",
    "вона", "вони", "для",  "до",   "з",  "за",  "зі",    "і",    "із",  "й",    "його", "її",
    "їх",   "й",    "коли", "лише", "на", "не",  "однак", "по",   "при", "про",  "так",  "також",
    "та",   "те",   "то",   "у",    "чи", "що",  "щоб",   "це",   "як",  "який", "яка",  "які"};
constexpr std::string_view kGreek[] = {"αλλά", "από",  "για", "δεν",  "είναι", "ένα", "η",   "θα",
                                       "και",  "με",   "μια", "να",   "ο",     "οι",  "που", "σε",
                                       "στα",  "στην", "στο", "στον", "τα",    "την", "της", "τις",
                                       "το",   "τον",  "του", "τους", "των",   "ως"};
constexpr std::string_view kTurkish[] = {
    "ama", "ancak", "bile", "bir",    "bu",    "çok",  "da",  "daha",  "de",  "değil", "diye",
    "en",  "gibi",  "göre", "her",    "ile",   "için", "ise", "kadar", "ki",  "mi",    "mı",
    "ne",  "o",     "olan", "olarak", "sonra", "şu",   "ve",  "veya",  "var", "ya",    "yok"};
constexpr std::string_view kRomanian[] = {
    "a",   "acest", "această", "al",   "ale",  "au",  "ca", "care", "cu",   "că",     "cel",
    "cea", "dar",   "de",      "din",  "după", "ea",  "ei", "el",   "este", "fi",     "fost",
    "în",  "își",   "la",      "le",   "lui",  "mai", "nu", "o",    "pe",   "pentru", "prin",
    "sau", "se",    "să",      "sunt", "și",   "şi",  "un", "una",  "unei", "unui"};
constexpr std::string_view kHungarian[] = {
    "a",    "aki",    "akkor", "alatt", "amely",   "amelyek", "az",   "azt",  "be",  "de",
    "egy",  "el",     "és",    "ez",    "ezt",     "fel",     "ha",   "hogy", "is",  "ki",
    "kell", "között", "le",    "lesz",  "majd",    "már",     "meg",  "mert", "még", "mint",
    "most", "nem",    "pedig", "sem",   "szerint", "után",    "vagy", "van",  "volt"};
constexpr std::string_view kCatalan[] = {
    "a",   "al",   "als",   "amb",   "aquest", "aquesta", "com", "de",  "del",  "dels",
    "el",  "els",  "en",    "entre", "és",     "es",      "ha",  "hi",  "ho",   "i",
    "ja",  "la",   "les",   "li",    "més",    "no",      "o",   "per", "però", "que",
    "seu", "seva", "sobre", "són",   "també",  "un",      "una"};
constexpr std::string_view kBasque[] = {"baina", "bat",  "baten",  "batean", "bere",   "beste",
                                        "da",    "dira", "du",     "dute",   "edo",    "egin",
                                        "eta",   "ez",   "ere",    "hau",    "hori",   "izan",
                                        "zen",   "zuen", "zituen", "arte",   "ondoren"};
constexpr std::string_view kIrish[] = {"ach", "ag",  "agus", "an", "ar", "as", "bhí", "chun", "de",
                                       "do",  "don", "faoi", "go", "i",  "is", "le",  "leis", "na",
                                       "níl", "ó",   "sa",   "sé", "sí", "tá", "ina", "mar"};
constexpr std::string_view kLithuanian[] = {
    "apie", "ar",   "be",  "bei",    "bet", "buvo", "dar",   "iki",  "ir",  "iš", "jau",
    "ji",   "jie",  "jis", "jo",     "kad", "kaip", "kuris", "kuri", "nuo", "o",  "per",
    "po",   "prie", "su",  "tačiau", "tai", "taip", "tik",   "to",   "į",   "yra"};
constexpr std::string_view kIndonesian[] = {
    "adalah", "akan", "ada",     "atau",  "bahwa", "bisa",   "dalam", "dan",   "dari",   "dengan",
    "di",     "ini",  "itu",     "juga",  "ke",    "karena", "kami",  "lebih", "mereka", "oleh",
    "pada",   "saya", "sebagai", "sudah", "telah", "tidak",  "untuk", "yang"};
constexpr std::string_view kArabic[] = {"أن",  "أو",  "إلى", "إن",  "التي", "الذي", "بعد", "بين",
                                        "ثم",  "حتى", "ذلك", "على", "عن",   "في",   "قبل", "قد",
                                        "كان", "كما", "لا",  "لم",  "ما",   "مع",   "من",  "هذا",
                                        "هذه", "هو",  "هي",  "و",   "وفي",  "ولا"};
constexpr std::string_view kArmenian[] = {"այդ", "այս",   "բայց", "է",  "էր",  "են",
                                          "իր",  "համար", "հետ",  "և",  "կամ", "մեջ",
                                          "մի",  "նաև",   "որ",   "ու", "չի"};
constexpr std::string_view kNepali[] = {"एक", "का",  "की",   "के",   "को",  "छ",  "छन्",
                                        "तर", "त्यो", "थियो", "पनि", "भने",  "मा", "यो",
                                        "र",  "ले",   "लाई",  "हो",  "गरेको"};
constexpr std::string_view kTamil[] = {"அது",  "அந்த",   "ஆனால்",  "இது",   "இந்த", "இருந்து",
                                       "உள்ள",  "உள்ளது", "என",    "என்று",  "ஒரு", "பின்னர்",
                                       "போது", "மற்றும்", "மேலும்", "வேண்டும்"};

struct List {
  std::string_view code;
  std::span<const std::string_view> words;
};
constexpr List kLists[] = {
    {"en", kEnglish}, {"de", kGerman},     {"fr", kFrench},     {"es", kSpanish},
    {"it", kItalian}, {"pt", kPortuguese}, {"nl", kDutch},      {"da", kDanish},
    {"sv", kSwedish}, {"no", kNorwegian},  {"fi", kFinnish},    {"pl", kPolish},
    {"cs", kCzech},   {"ru", kRussian},    {"uk", kUkrainian},  {"el", kGreek},
    {"tr", kTurkish}, {"ro", kRomanian},   {"hu", kHungarian},  {"ca", kCatalan},
    {"eu", kBasque},  {"ga", kIrish},      {"lt", kLithuanian}, {"id", kIndonesian},
    {"ar", kArabic},  {"hy", kArmenian},   {"ne", kNepali},     {"ta", kTamil}};
static_assert(std::size(kLists) <= 64, "FunctionWordIndex::LanguageSet has 64 bits");

constexpr auto kCodes = [] {
  std::array<std::string_view, std::size(kLists)> codes{};
  for (std::size_t i = 0; i < codes.size(); ++i)
    codes[i] = kLists[i].code;
  return codes;
}();

// Chinese and Japanese particles and function characters: the most frequent characters of
// running text that headlines and menus mostly lack.
constexpr char32_t kCjkFunctionChars[] = {
    U'的', U'了', U'是', U'在', U'和', U'有', U'这', U'也', U'就', U'不', U'都',
    U'而', U'与', U'及', U'等', U'被', U'将', U'但', U'其', U'之', U'对', U'为',
    U'他', U'她', U'の', U'に', U'は', U'を', U'が', U'で', U'と', U'も', U'た',
    U'し', U'て', U'な', U'る', U'か', U'へ', U'や', U'ら', U'れ', U'す', U'ま'};

}  // namespace

std::span<const std::string_view> function_word_languages() {
  return kCodes;
}

std::span<const std::string_view> function_words(std::string_view code) {
  for (const List& list : kLists) {
    if (list.code == code) return list.words;
  }
  return {};
}

FunctionWordIndex::FunctionWordIndex() {
  for (std::size_t i = 0; i < std::size(kLists); ++i) {
    for (const std::string_view w : kLists[i].words) {
      languages_[w] |= LanguageSet{1} << i;
      longest_ = std::max(longest_, w.size());
    }
  }
}

const FunctionWordIndex& FunctionWordIndex::get() {
  static const FunctionWordIndex index;
  return index;
}

FunctionWordIndex::LanguageSet FunctionWordIndex::languages_of(std::string_view lower_word) const {
  if (lower_word.size() > longest_) return 0;
  const auto it = languages_.find(lower_word);
  return it == languages_.end() ? 0 : it->second;
}

bool is_cjk_function_char(char32_t c) {
  return std::find(std::begin(kCjkFunctionChars), std::end(kCjkFunctionChars), c) !=
         std::end(kCjkFunctionChars);
}

}  // namespace nsearch::languages
