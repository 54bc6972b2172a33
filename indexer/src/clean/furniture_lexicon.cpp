// The furniture vocabulary: see furniture_lexicon.hpp. German, French, Spanish, Portuguese,
// Italian, Dutch and Polish, in that order within each list.
#include "clean/furniture_lexicon.hpp"

namespace nsearch::furniture {
namespace {

// clang-format off

// Plurals, counts and prompts only: the singular alone ("Kommentar", "Commento") also labels
// opinion pieces; after a number ("1 Kommentar") it counts comments.
constexpr std::string_view kCommentHeadings[] = {
    "kommentare", "# kommentare", "# kommentar", "kommentare (#)", "leserkommentare", "kommentar schreiben",
    "kommentare schreiben", "kommentar verfassen", "schreibe einen kommentar",
    "einen kommentar schreiben", "kommentar abgeben", "hinterlasse einen kommentar",
    "einen kommentar hinterlassen", "kommentar hinterlassen", "hinterlasse eine antwort",
    "antwort hinterlassen", "diskutieren sie mit", "diskussion zum artikel",
    "commentaires", "# commentaires", "# commentaire", "laisser un commentaire", "laissez un commentaire",
    "ajouter un commentaire", "écrire un commentaire", "réagir à cet article",
    "comentarios", "# comentarios", "# comentario", "deja un comentario", "dejar un comentario",
    "escribe un comentario", "deja tu comentario",
    "comentários", "# comentários", "# comentário", "deixe um comentário", "deixe seu comentário",
    "commenti", "# commenti", "# commento", "lascia un commento", "scrivi un commento",
    "reacties", "# reacties", "# reactie", "plaats een reactie", "geef een reactie",
    "komentarze", "# komentarze", "# komentarzy", "# komentarz", "dodaj komentarz", "napisz komentarz"};

constexpr std::string_view kFurnitureLines[] = {
    // German
    "mehr zu diesem thema", "das könnte sie auch interessieren",
    "das könnte dich auch interessieren", "das könnte sie interessieren", "ebenfalls interessant",
    "weitere artikel", "weitere beiträge", "weitere nachrichten", "ähnliche artikel",
    "ähnliche beiträge", "verwandte artikel", "verwandte themen", "zum weiterlesen",
    "meistgelesen", "meistgelesene artikel", "am meisten gelesen", "neueste artikel",
    "neueste beiträge", "aktuelle artikel", "empfehlungen der redaktion", "unsere empfehlungen",
    "weitere informationen", "weitere themen", "schlagworte", "schlagwörter", "teilen",
    "artikel teilen", "beitrag teilen", "seite teilen", "teilen mit", "drucken", "artikel drucken",
    "seite drucken", "newsletter", "jetzt abonnieren", "abonnieren", "newsletter abonnieren",
    "zur startseite", "startseite", "suche", "suchen", "menü", "zurück", "weiter", "mehr",
    "schließen", "nach oben", "kontakt", "anmelden", "abmelden", "registrieren", "einloggen",
    "impressum", "datenschutz", "datenschutzerklärung", "nutzungsbedingungen",
    "cookie-einstellungen", "wird geladen",
    // French
    "sur le même sujet", "articles similaires", "articles liés", "dans la même rubrique",
    "les plus lus", "vous aimerez aussi", "à découvrir aussi", "partager", "partager cet article",
    "imprimer", "s'abonner", "abonnez-vous", "accueil", "rechercher", "fermer",
    "mentions légales", "haut de page",
    // Spanish
    "noticias relacionadas", "notas relacionadas", "artículos relacionados", "más noticias",
    "lo más leído", "más leídas", "lo último", "compartir", "compartir en", "imprimir",
    "suscríbete", "inicio", "buscar", "cerrar", "aviso legal", "política de privacidad",
    // Portuguese
    "notícias relacionadas", "mais lidas", "compartilhar", "assine",
    // Italian
    "potrebbe interessarti", "articoli correlati", "i più letti", "condividi",
    // Dutch
    "gerelateerde artikelen", "meest gelezen", "delen",
    // Polish
    "najczęściej czytane", "udostępnij", "drukuj", "szukaj", "zamknij"};

constexpr std::string_view kReadAlsoLabels[] = {
    "lesen sie auch", "lesen sie mehr", "lies auch", "mehr zum thema", "auch interessant",
    "à lire aussi", "a lire aussi", "lire aussi", "voir aussi",
    "lee también", "lea también", "leer también", "lea más", "leer más", "te puede interesar",
    "le puede interesar", "también te puede interesar",
    "leia também", "leia mais", "veja também", "saiba mais",
    "leggi anche",
    "lees ook",
    "czytaj także", "czytaj też", "czytaj więcej", "zobacz także", "zobacz też",
    "dowiedz się więcej", "polecamy"};

constexpr std::string_view kAdLabels[] = {
    "anzeige", "werbung", "publicité", "publicidad", "publicidade", "pubblicità", "advertentie",
    "reklama"};

constexpr std::string_view kLegalPhrases[] = {
    "alle rechte vorbehalten", "tous droits réservés", "todos los derechos reservados",
    "todos os direitos reservados", "tutti i diritti riservati", "alle rechten voorbehouden",
    "wszelkie prawa zastrzeżone"};

constexpr std::string_view kCookiePhrases[] = {
    "uses cookies", "use cookies", "using cookies",
    "verwendet cookies", "verwenden cookies", "nutzt cookies", "nutzen cookies", "setzt cookies",
    "setzen cookies",
    "utilise des cookies", "utilisons des cookies", "utilise les cookies",
    "utiliza cookies", "utilizamos cookies", "usa cookies", "usamos cookies",
    "utilizza cookie", "utilizziamo cookie",
    "gebruikt cookies", "maakt gebruik van cookies",
    "używa plików cookie", "używamy plików cookie", "wykorzystuje pliki cookie"};

constexpr std::string_view kCreditLabels[] = {
    "foto:", "fotos:", "foto #:", "foto/", "(foto:", "bild:", "bilder:", "bildquelle:",
    "titelbild:", "quelle:", "grafik:", "abbildung:", "abbildung #:", "abb. #:",
    "photo:", "photo :", "photos:", "image :", "crédit photo", "crédits photos", "crédit :",
    "crédits :", "source :",
    "fuente:", "foto de", "imagen:", "imágenes:", "crédito:", "(crédito:",
    "fonte:", "fonte :", "fotografia:",
    "foto di",
    "bron:",
    "źródło:", "fot.", "fot:", "zdjęcie:"};

constexpr std::string_view kRelatedHeadingStarts[] = {
    "more from", "more on ", "more about", "more stories", "more news", "related", "also read",
    "read also", "read more", "you may also", "you might also", "other stories",
    "further reading",
    "mehr zu", "mehr von", "mehr aus", "mehr über", "mehr artikel", "mehr nachrichten",
    "weitere artikel", "weitere beiträge", "weitere nachrichten", "weitere meldungen",
    "weitere themen", "noch mehr", "das könnte", "lesen sie auch", "ähnliche", "verwandte",
    "plus d'articles", "plus de ", "à lire", "a lire", "lire aussi", "voir aussi",
    "autres articles",
    "más de ", "más sobre", "más noticias", "lee también", "otras noticias", "te puede",
    "mais de ", "mais sobre", "leia também", "veja também", "outras notícias",
    "altri articoli", "altre notizie", "leggi anche",
    "meer over", "meer van", "lees ook",
    "więcej", "czytaj także", "zobacz także", "inne artykuły"};

constexpr std::string_view kTeaserEndings[] = {
    "weiterlesen", "mehr lesen", "mehr erfahren", "lire la suite", "en savoir plus", "leer más",
    "seguir leyendo", "leia mais", "continua a leggere", "leggi tutto", "lees meer",
    "lees verder", "czytaj więcej", "czytaj dalej"};

// clang-format on

}  // namespace

std::span<const std::string_view> comment_headings() {
  return kCommentHeadings;
}
std::span<const std::string_view> furniture_lines() {
  return kFurnitureLines;
}
std::span<const std::string_view> read_also_labels() {
  return kReadAlsoLabels;
}
std::span<const std::string_view> ad_labels() {
  return kAdLabels;
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
