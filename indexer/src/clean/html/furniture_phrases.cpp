// The furniture vocabulary: see furniture_phrases.hpp. German, French, Spanish, Portuguese,
// Italian, Dutch and Polish, in that order within each list.
#include "clean/html/furniture_phrases.hpp"

namespace nsearch::furniture {
namespace {

// Plurals and prompts only: the singular ("Kommentar", "Commento") also labels opinion pieces.
constexpr std::string_view kCommentHeadings[] = {"kommentare",
                                                 "# kommentare",
                                                 "leserkommentare",
                                                 "kommentar schreiben",
                                                 "kommentare schreiben",
                                                 "kommentar verfassen",
                                                 "schreibe einen kommentar",
                                                 "einen kommentar schreiben",
                                                 "kommentar abgeben",
                                                 "diskutieren sie mit",
                                                 "commentaires",
                                                 "# commentaires",
                                                 "laisser un commentaire",
                                                 "laissez un commentaire",
                                                 "ajouter un commentaire",
                                                 "écrire un commentaire",
                                                 "comentarios",
                                                 "# comentarios",
                                                 "deja un comentario",
                                                 "dejar un comentario",
                                                 "escribe un comentario",
                                                 "deja tu comentario",
                                                 "comentários",
                                                 "# comentários",
                                                 "deixe um comentário",
                                                 "deixe seu comentário",
                                                 "commenti",
                                                 "# commenti",
                                                 "lascia un commento",
                                                 "scrivi un commento",
                                                 "reacties",
                                                 "# reacties",
                                                 "plaats een reactie",
                                                 "geef een reactie",
                                                 "komentarze",
                                                 "# komentarze",
                                                 "dodaj komentarz",
                                                 "napisz komentarz"};

constexpr std::string_view kFurnitureLines[] = {
    // German
    "lesen sie auch", "lesen sie mehr", "mehr zum thema", "mehr zu diesem thema",
    "das könnte sie auch interessieren", "das könnte dich auch interessieren",
    "das könnte sie interessieren", "auch interessant", "ebenfalls interessant", "weitere artikel",
    "weitere beiträge", "weitere nachrichten", "ähnliche artikel", "ähnliche beiträge",
    "verwandte artikel", "verwandte themen", "zum weiterlesen", "meistgelesen",
    "meistgelesene artikel", "am meisten gelesen", "neueste artikel", "neueste beiträge",
    "aktuelle artikel", "empfehlungen der redaktion", "unsere empfehlungen",
    "weitere informationen", "weitere themen", "schlagworte", "schlagwörter", "teilen",
    "artikel teilen", "beitrag teilen", "seite teilen", "teilen mit", "drucken", "artikel drucken",
    "seite drucken", "anzeige", "werbung", "newsletter", "jetzt abonnieren", "abonnieren",
    "newsletter abonnieren", "zur startseite", "nach oben", "impressum", "datenschutz",
    "datenschutzerklärung", "nutzungsbedingungen", "cookie-einstellungen", "wird geladen",
    // French
    "à lire aussi", "a lire aussi", "lire aussi", "voir aussi", "sur le même sujet",
    "articles similaires", "articles liés", "dans la même rubrique", "les plus lus",
    "vous aimerez aussi", "à découvrir aussi", "partager", "partager cet article", "imprimer",
    "publicité", "s'abonner", "abonnez-vous", "mentions légales", "haut de page",
    // Spanish
    "lee también", "leer también", "te puede interesar", "también te puede interesar",
    "noticias relacionadas", "notas relacionadas", "artículos relacionados", "más noticias",
    "lo más leído", "más leídas", "lo último", "compartir", "compartir en", "imprimir",
    "publicidad", "suscríbete", "aviso legal", "política de privacidad",
    // Portuguese
    "leia também", "veja também", "notícias relacionadas", "mais lidas", "compartilhar",
    "publicidade", "assine",
    // Italian
    "leggi anche", "potrebbe interessarti", "articoli correlati", "i più letti", "condividi",
    "pubblicità",
    // Dutch
    "lees ook", "gerelateerde artikelen", "meest gelezen", "delen", "advertentie",
    // Polish
    "czytaj także", "czytaj też", "zobacz także", "zobacz też", "najczęściej czytane", "udostępnij",
    "reklama", "polecamy"};

constexpr std::string_view kLegalPhrases[] = {
    "alle rechte vorbehalten",      "tous droits réservés",      "todos los derechos reservados",
    "todos os direitos reservados", "tutti i diritti riservati", "alle rechten voorbehouden",
    "wszelkie prawa zastrzeżone"};

constexpr std::string_view kCookiePhrases[] = {"uses cookies",
                                               "use cookies",
                                               "using cookies",
                                               "verwendet cookies",
                                               "verwenden cookies",
                                               "nutzt cookies",
                                               "nutzen cookies",
                                               "setzt cookies",
                                               "setzen cookies",
                                               "utilise des cookies",
                                               "utilisons des cookies",
                                               "utilise les cookies",
                                               "utiliza cookies",
                                               "utilizamos cookies",
                                               "usa cookies",
                                               "usamos cookies",
                                               "utilizza cookie",
                                               "utilizziamo cookie",
                                               "gebruikt cookies",
                                               "maakt gebruik van cookies",
                                               "używa plików cookie",
                                               "używamy plików cookie",
                                               "wykorzystuje pliki cookie"};

constexpr std::string_view kCreditLabels[] = {
    "foto:",      "fotos:",      "foto #:", "bild:",        "bilder:",
    "titelbild:", "quelle:",     "grafik:", "abbildung #:", "abb. #:",
    "photo:",     "photo :",     "photos:", "crédit photo", "crédits photos",
    "crédit :",   "source :",    "fuente:", "foto de",      "imagen:",
    "fonte:",     "fotografia:", "fonte :", "foto di",      "bron:",
    "źródło:",    "fot."};

constexpr std::string_view kRelatedHeadingStarts[] = {"more from",
                                                      "more on ",
                                                      "more about",
                                                      "more stories",
                                                      "more news",
                                                      "related",
                                                      "also read",
                                                      "read also",
                                                      "read more",
                                                      "you may also",
                                                      "you might also",
                                                      "other stories",
                                                      "further reading",
                                                      "mehr zu",
                                                      "mehr von",
                                                      "mehr aus",
                                                      "mehr über",
                                                      "mehr artikel",
                                                      "mehr nachrichten",
                                                      "weitere artikel",
                                                      "weitere beiträge",
                                                      "weitere nachrichten",
                                                      "weitere meldungen",
                                                      "weitere themen",
                                                      "noch mehr",
                                                      "das könnte",
                                                      "lesen sie auch",
                                                      "ähnliche",
                                                      "verwandte",
                                                      "plus d'articles",
                                                      "plus de ",
                                                      "à lire",
                                                      "a lire",
                                                      "lire aussi",
                                                      "voir aussi",
                                                      "autres articles",
                                                      "más de ",
                                                      "más sobre",
                                                      "más noticias",
                                                      "lee también",
                                                      "otras noticias",
                                                      "te puede",
                                                      "mais de ",
                                                      "mais sobre",
                                                      "leia também",
                                                      "veja também",
                                                      "outras notícias",
                                                      "altri articoli",
                                                      "altre notizie",
                                                      "leggi anche",
                                                      "meer over",
                                                      "meer van",
                                                      "lees ook",
                                                      "więcej",
                                                      "czytaj także",
                                                      "zobacz także",
                                                      "inne artykuły"};

constexpr std::string_view kTeaserEndings[] = {
    "weiterlesen", "mehr lesen",     "mehr erfahren", "lire la suite",      "en savoir plus",
    "leer más",    "seguir leyendo", "leia mais",     "continua a leggere", "leggi tutto",
    "lees meer",   "lees verder",    "czytaj więcej", "czytaj dalej"};

}  // namespace

std::span<const std::string_view> comment_headings() {
  return kCommentHeadings;
}
std::span<const std::string_view> furniture_lines() {
  return kFurnitureLines;
}
std::span<const std::string_view> legal_phrases() {
  return kLegalPhrases;
}
std::span<const std::string_view> cookie_phrases() {
  return kCookiePhrases;
}
std::span<const std::string_view> credit_labels() {
  return kCreditLabels;
}
std::span<const std::string_view> teaser_endings() {
  return kTeaserEndings;
}
std::span<const std::string_view> related_heading_starts() {
  return kRelatedHeadingStarts;
}

}  // namespace nsearch::furniture
