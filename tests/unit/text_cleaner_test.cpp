// Unit tests for the text-dump cleaner (see indexer/src/clean/extraction.hpp). The pages are
// invented for the tests; the seed page is the one real dump.
#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "clean/extraction.hpp"
#include "clean/text_dump/text_cleaner_lines.hpp"
#include "clean/text_dump/text_cleaner_meta.hpp"
#include "sanitizer_slowdown.hpp"

namespace {

using nsearch::clean_text_dump;
using nsearch::Extraction;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<std::string> split_paragraphs(const std::string& body) {
  std::vector<std::string> paragraphs;
  std::istringstream in(body);
  for (std::string line; std::getline(in, line);)
    paragraphs.push_back(line);
  return paragraphs;
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// Paragraphs of invented news prose, reused by the page cases.
const std::string kParagraph1 =
    "The city council voted on Tuesday to expand the northern tram line, ending a dispute "
    "that had delayed the project for more than two years.";
const std::string kParagraph2 =
    "Supporters said the extension would cut travel times for thousands of commuters, while "
    "opponents warned that the cost had almost doubled since the plan was first proposed.";
const std::string kParagraph3 =
    "Work on the first section is expected to begin in the spring, and the mayor said she "
    "hoped the new stops would open before the end of next year.";
const std::string kArticle = kParagraph1 + "\n\n" + kParagraph2 + "\n\n" + kParagraph3 + "\n";
const std::string kHeadline = "Council approves tram line extension after long dispute";

// lynx-style navigation: bullets, a search form, an image placeholder.
const std::string kLynxHeader =
    "[logo.gif]\n"
    "  * Home\n  * News\n  * Sport\n  * Business\n  * Weather\n"
    "Search ____________________ Go\n\n";
const std::string kFooter =
    "\nRelated stories\n\n"
    "  * Bus fares to rise in April\n  * Bridge repairs finished early\n\n"
    "Copyright 2024 The Daily Example. All rights reserved.\n"
    "  * Privacy Policy\n  * Contact us\n";

// The lead of the invented article, and a box that paywalled pages put between it and the text.
const std::string kLead =
    "The northern tram line will be extended after the city council ended a dispute over "
    "its cost, which had delayed the project and the new stops for more than two years.";
const std::string kOfferBox =
    "Subscribe to read the full article\n\n"
    "Monthly plan\n\n9.99 EUR\n\n  * Unlimited access\n  * Cancel any time\n  * Daily "
    "briefing\n  * All podcasts\n\n"
    "Annual plan\n\n99 EUR\n\n  * Unlimited access\n  * Two months free\n  * Daily "
    "briefing\n  * All podcasts\n\n"
    "Print and digital\n\n149 EUR\n\n  * Unlimited access\n  * Weekend paper\n  * Daily "
    "briefing\n  * All podcasts\n\n"
    "Already a subscriber? Log in\n\n";
// A photo gallery's captions and counters, between a headline and its lead.
const std::string kGallery =
    "Gallery\n\n1 / 5\n\nThe new tram\n\n2 / 5\n\nAt the depot\n\n3 / 5\n\nThe route\n\n"
    "4 / 5\n\nThe mayor\n\n5 / 5\n\nThe first stop\n\n";
// The summary of another story about the tram line, in a list of stories.
const std::string kOtherStoryTeaser =
    "The tram line's new stops will need a second depot, and the council has not yet decided "
    "where the trams of the northern line will be kept.";

// A cookie consent dialog as sites show it below the page: its lines explain the cookies in
// sentences, and together outweigh a short article.
const std::string kConsentDialog =
    "Privacy settings\n\n"
    "We use cookies and similar technologies on our website and process personal data about "
    "you, such as your IP address, to personalise content and ads and to measure traffic.\n\n"
    "We also share information about your use of our site and its cookies with third parties, "
    "who may combine it with other information that you have provided to them.\n\n"
    "Some of these partners process your data on the basis of legitimate interest, which you "
    "can object to at any time in the settings, and some only with your consent.\n\n"
    "Necessary cookies help make a website usable by enabling basic functions like page "
    "navigation and access to secure areas, and the website cannot work without them.\n\n"
    "Statistics cookies help us to understand how visitors interact with the website by "
    "collecting and reporting information anonymously, so that we can improve the pages.\n\n"
    "Marketing cookies are used to follow visitors across websites, in order to display ads "
    "that are relevant and engaging for the individual user and valuable for publishers.\n\n"
    "  * Accept all\n  * Save\n";

}  // namespace

// ---------------------------------------------------------------- the seed page

TEST_CASE("seed page: title, outlet, credit and exactly the article body", "[text_cleaner]") {
  const std::string page =
      read_file(std::string(NSEARCH_CORPUS_DIR) + "/seed/mali-wagner-newdiplomat.txt");
  const Extraction x = clean_text_dump(page);
  REQUIRE(x.has_text);
  CHECK(x.article.title == "Mali Makes Deal With Russian Mercenaries, Snubs France");
  CHECK(x.article.outlet == "The New Diplomat");
  CHECK(x.article.author == "Agency Report");
  CHECK(x.article.date.empty());

  const std::vector<std::string> paragraphs = split_paragraphs(x.article.body);
  REQUIRE(paragraphs.size() == 14);
  CHECK(paragraphs.front().starts_with(
      "Mali has the right to seek military support from Russian mercenaries"));
  CHECK(paragraphs.back().ends_with("deploying more European special forces."));
  for (const char* boilerplate :
       {"Subscribe", "Related stories", "Latest stories", "whatsapp", "Cat:", "Ribadu",
        "Thailand accuses", "Hamilton Nwosu", "...", "Agency Report", "The New Diplomat",
        "Never miss a story", "premium content", "NDN", "https://"}) {
    INFO("boilerplate: " << boilerplate);
    CHECK_FALSE(contains(x.article.body, boilerplate));
  }
}

// ---------------------------------------------------------------- pages, table-driven

namespace {

struct PageCase {
  const char* name;
  std::string page;
  std::string title;                      // expected title ("" = not checked)
  std::vector<std::string> kept = {};     // must be in the body
  std::vector<std::string> dropped = {};  // must not be in the body
  std::string author = {};                // expected author ("" = must be empty)
  std::string date = {};                  // expected date ("" = must be empty)
};

std::vector<PageCase> page_cases() {
  return {
      {"plain lynx page with navigation and footer",
       kLynxHeader + kHeadline + "\n\n" + kArticle + kFooter,
       kHeadline,
       {kParagraph1, kParagraph2, kParagraph3},
       {"Home", "Search", "Related stories", "Bus fares", "Copyright", "Privacy"}},

      {"byline and date between headline and body",
       kLynxHeader + kHeadline + "\n\nBy Jane Doe, Transport Correspondent\n\nMarch 3, 2019\n\n" +
           kArticle + kFooter,
       kHeadline,
       {kParagraph1, kParagraph3},
       {"By Jane Doe", "March 3, 2019"},
       "Jane Doe",
       "March 3, 2019"},

      {"agency byline written as name | agency",
       kHeadline + "\nJohn Smith | Reuters\nTuesday, 5 March 2019 10:30 GMT\n\n" + kArticle,
       kHeadline,
       {kParagraph1},
       {"John Smith", "10:30"},
       "John Smith",
       "Tuesday, 5 March 2019 10:30 GMT"},

      {"dateline stays in the first sentence",
       kHeadline + "\n\nLONDON (Reuters) - " + kArticle,
       kHeadline,
       {"LONDON (Reuters) - " + kParagraph1}},

      {"teaser blocks before the article",
       kHeadline +
           "\n\nRelated stories\n\nMayor unveils budget plan\n\nThe mayor has set out "
           "her spending plans for...\n\nSchools to get new funding\n\nBy Ann Lee "
           "Head teachers across the region welcomed...\n\n" +
           kArticle,
       kHeadline,
       {kParagraph1},
       {"Mayor unveils", "spending plans", "Schools to get", "Head teachers", "Ann Lee"}},

      {"glued headline list after the article (innerText dump)",
       kHeadline + "\n\n" + kArticle +
           "\nLatest News\nMayor Unveils Budget PlanSchools Get New FundingBridge Repairs "
           "Finished EarlyBus Fares Rise In April2024 Election Dates Announced\n",
       kHeadline,
       {kParagraph3},
       {"Latest News", "Mayor Unveils", "Bridge Repairs"}},

      {"cookie banner and consent buttons",
       "We use cookies to give you the best experience on our website. By continuing to "
       "browse you agree to our use of cookies and our privacy policy.\n\nAccept all\n\n"
       "Manage preferences\n\n" +
           kHeadline + "\n\n" + kArticle,
       kHeadline,
       {kParagraph1, kParagraph3},
       {"cookies", "Accept all", "Manage preferences"}},

      {"photo captions and credits inside the article",
       kHeadline + "\n\n" + kParagraph1 +
           "\n\n[tram.jpg]\nPhoto: A tram waits at the northern terminus.\n\n"
           "Commuters board a tram in the city centre on Monday. (AP Photo/Jo Bloggs)\n\n" +
           kParagraph2 + "\n\n" + kParagraph3 + "\n",
       kHeadline,
       {kParagraph1, kParagraph2, kParagraph3},
       {"Photo:", "AP Photo", "terminus", "tram.jpg"}},

      {"multi-page markers and share rows",
       kHeadline + "\n\nShare | Tweet | Email | Print\n\n" + kArticle +
           "\nPage 1 of 3\n\nNext page \xC2\xBB\n\nX whatsapp\n",
       kHeadline,
       {kParagraph1, kParagraph3},
       {"Share", "Tweet", "Page 1 of 3", "Next page", "whatsapp"}},

      {"advertisement inside the article keeps both halves",
       kHeadline + "\n\n" + kParagraph1 + "\n\n" + kParagraph2 +
           "\n\nAdvertisement\n\nStory continues below\n\n" + kParagraph3 + "\n\n" +
           "The council will publish the full construction timetable next month, officials "
           "said, after a final review of the contracts by the city's lawyers.\n",
       kHeadline,
       {kParagraph1, kParagraph2, kParagraph3, "full construction timetable"},
       {"Advertisement", "Story continues"}},

      {"comment section after the article, longer than the article",
       kHeadline + "\n\n" + kArticle + "\nComments (3)\n\n" +
           "This is the worst decision the council has made in years, and I say that as "
           "someone who has lived in this city for forty years and seen every single plan.\n"
           "Posted by: Grumpy | March 3, 2019 4:49 PM\n\n"
           "I could not disagree more with the previous comment, because the tram will help "
           "everyone who cannot afford a car and has to cross the city every day for work.\n"
           "Posted by: Hopeful | March 3, 2019 5:02 PM\n\n"
           "Both of you are missing the point, which is that the money should have been spent "
           "on the buses that most people in the outer suburbs actually use to get around.\n"
           "Posted by: Realist | March 3, 2019 6:15 PM\n\n"
           "Leave a comment\n\nName ______\n",
       kHeadline,
       {kParagraph1, kParagraph3},
       {"Comments", "worst decision", "disagree", "Posted by", "Leave a comment"}},

      {"site blurb after the article is not part of it",
       kHeadline + "\n\n" + kArticle + "\nStaff Reporter\n\nThe Daily Example\n" +
           "The Daily Examplehttps://daily.example.com/\n" +
           "At The Daily Example, we believe in independent journalism that holds power to "
           "account, and we are committed to serving our readers with accurate, fair and "
           "fearless reporting every single day of the year.\n\nSubscribe\n",
       kHeadline,
       {kParagraph1, kParagraph3},
       {"Staff Reporter", "The Daily Example", "independent journalism", "Subscribe"},
       "Staff Reporter"},

      // The deck is the article's standfirst: the HTML cleaner keeps it, and so do the
      // extraction sets' gold texts of modern pages.
      {"deck under the headline: the headline is the title, the deck opens the body",
       "Tram line extension approved\n\nCouncil ends two-year dispute over northern route\n\n" +
           kArticle,
       "Tram line extension approved",
       {"Council ends two-year dispute over northern route", kParagraph1},
       {}},

      {"a line under the headline about something else is no standfirst",
       "Tram line extension approved\n\nWatch our video of the best autumn walks in the hills\n\n" +
           kArticle,
       "Tram line extension approved",
       {kParagraph1},
       {"autumn walks"}},

      // An embedded post's consent placeholder inside the article separates nothing: the text
      // after it is the article's second half, although it shares few words with the first.
      {"a consent placeholder for an embed inside the article",
       kHeadline + "\n\n" + kArticle + "\n[ ]\n\n" +
           "I consent to external content being shown, and to cookies and personal data being "
           "passed to third-party platforms; see our privacy policy.\n\nWhat happens next\n\n" +
           "Engineers from the regional transport authority will survey the route over the "
           "winter, checking bridges, drains and the foundations of several old warehouses along "
           "the river.\n\nResidents of the harbour district, whose streets have never had a "
           "stop, asked for a public meeting so that they can see the drawings before building "
           "starts.\n",
       kHeadline,
       {kParagraph1, "Engineers from the regional", "Residents of the harbour"},
       {"I consent", "privacy policy"}},

      {"hard-wrapped press release",
       "Council approves tram line extension\n\n"
       "    CITY, March 3 /Wire/ - The city council voted on Tuesday to expand the\n"
       "northern tram line, ending a dispute that had delayed the project for more\n"
       "than two years and costing the city millions in planning fees and fines.\n"
       "    Supporters said the extension would cut travel times for thousands of\n"
       "commuters, while opponents warned that the cost had almost doubled since the\n"
       "plan was first proposed by the previous administration in the autumn.\n",
       "Council approves tram line extension",
       {"expand the northern tram line", "thousands of commuters"},
       {}},

      {"list of other stories' teasers, longer than the article",
       kHeadline + "\n\n" + kArticle + "\n\xC2\xA9 2024 Example Agency\n\nMore\n\n" +
           [] {
             const char* stories[][2] = {
                 {"Farmers protest new water rules",
                  "Hundreds of farmers drove their tractors into the capital on Monday to protest "
                  "against new rules that limit how much water they may take from the rivers."},
                 {"Storm cuts power to thousands",
                  "A storm with winds of up to a hundred kilometres an hour left thousands of "
                  "homes "
                  "without power on the coast overnight, the electricity company said."},
                 {"Museum reopens after long repairs",
                  "The national museum reopened its doors on Sunday after four years of repairs to "
                  "its roof and galleries, and the first visitors queued around the block."},
                 {"Striker signs new contract",
                  "The club's top scorer has signed a new three-year contract, ending weeks of "
                  "speculation that he would leave for a bigger team in the summer."}};
             std::string list;
             for (const auto& story : stories)
               list += std::string(story[0]) + "\n" + story[1] + "\n";
             return list;
           }(),
       kHeadline,
       {kParagraph1, kParagraph3},
       {"Farmers", "Storm cuts", "museum", "contract"}},

      {"a ranked list is an article when it stands alone",
       "The five busiest tram lines\n\n"
       "The city's transport authority has published its yearly count of passengers on every "
       "tram line, and the northern line is the busiest for the third year running.\n\n" +
           [] {
             std::string list;
             for (int rank = 1; rank <= 5; ++rank) {
               list += std::to_string(rank) + ". Line " + std::to_string(rank * 3) + "\n";
               list += "The line carried about " + std::to_string(60 - rank * 7) +
                       " thousand passengers on an average weekday, most of them commuters "
                       "travelling between the suburbs and the city centre.\n";
             }
             return list;
           }(),
       "The five busiest tram lines",
       {"busiest for the third year", "1. Line 3", "about 53 thousand", "about 25 thousand"},
       {}},

      {"French article",
       "Le conseil approuve la ligne de tram\n\n"
       "Le conseil municipal a vot\xC3\xA9 mardi pour prolonger la ligne de tram du nord, "
       "mettant fin \xC3\xA0 un conflit qui avait retard\xC3\xA9 le projet pendant plus de "
       "deux ans.\n\n"
       "Les partisans ont dit que le prolongement r\xC3\xA9"
       "duirait les temps de trajet pour "
       "des milliers de passagers, mais les opposants ont averti que le co\xC3\xBBt avait "
       "presque doubl\xC3\xA9.\n\n"
       "Accueil | Sport | Culture\n",
       "Le conseil approuve la ligne de tram",
       {"Le conseil municipal", "Les partisans"},
       {"Accueil"}},

      {"Russian article (no function-word list)",
       "\xD0\xA1\xD0\xBE\xD0\xB2\xD0\xB5\xD1\x82 \xD0\xBE\xD0\xB4\xD0\xBE\xD0\xB1\xD1\x80\xD0\xB8"
       "\xD0\xBB \xD0\xBF\xD1\x80\xD0\xBE\xD0\xB5\xD0\xBA\xD1\x82 \xD1\x82\xD1\x80\xD0\xB0\xD0"
       "\xBC\xD0\xB2\xD0\xB0\xD1\x8F\n\n" +
           [] {
             // "The city council voted on Tuesday ..." in Russian, repeated into two paragraphs.
             const std::string sentence =
                 "\xD0\x93\xD0\xBE\xD1\x80\xD0\xBE\xD0\xB4\xD1\x81\xD0\xBA\xD0\xBE\xD0\xB9 "
                 "\xD1\x81\xD0\xBE\xD0\xB2\xD0\xB5\xD1\x82 \xD0\xB2\xD0\xBE \xD0\xB2\xD1\x82"
                 "\xD0\xBE\xD1\x80\xD0\xBD\xD0\xB8\xD0\xBA \xD0\xBF\xD1\x80\xD0\xBE\xD0\xB3"
                 "\xD0\xBE\xD0\xBB\xD0\xBE\xD1\x81\xD0\xBE\xD0\xB2\xD0\xB0\xD0\xBB \xD0\xB7"
                 "\xD0\xB0 \xD0\xBF\xD1\x80\xD0\xBE\xD0\xB4\xD0\xBB\xD0\xB5\xD0\xBD\xD0\xB8"
                 "\xD0\xB5 \xD1\x81\xD0\xB5\xD0\xB2\xD0\xB5\xD1\x80\xD0\xBD\xD0\xBE\xD0\xB9 "
                 "\xD0\xBB\xD0\xB8\xD0\xBD\xD0\xB8\xD0\xB8 \xD1\x82\xD1\x80\xD0\xB0\xD0\xBC"
                 "\xD0\xB2\xD0\xB0\xD1\x8F";
             std::string text;
             for (int p = 0; p < 2; ++p) {
               for (int s = 0; s < 3; ++s)
                 text += sentence + (s < 2 ? ", " : ".");
               text += "\n\n";
             }
             return text;
           }(),
       "",
       {"\xD0\x93\xD0\xBE\xD1\x80\xD0\xBE\xD0\xB4\xD1\x81\xD0\xBA\xD0\xBE\xD0\xB9"},
       {}},

      {"a lead cut off from the rest by a box of links belongs to the article",
       kLynxHeader + kHeadline + "\n\n" +
           "For a decade, people living far from downtown have begged for quicker rides, and "
           "most had stopped believing anybody would listen to them.\n\n"
           "  * Photos\n  * Maps of the area\n  * Timetables\n  * Fares\n\n" +
           kArticle + kFooter,
       kHeadline,
       {"people living far from downtown", kParagraph1, kParagraph3},
       {"Bus fares", "Timetables"}},

      {"a byline between a summary and the full text does not end the article",
       kLynxHeader + kHeadline + "\n\n" +
           "Councillors ended two years of argument over the northern tram line on Tuesday "
           "night, approving an extension that will reach the new hospital by 2027.\n\n"
           "The vote was close, and opponents said they would keep fighting the cost.\n\n"
           "By Jane Doe, Transport Reporter\n\n" +
           kArticle + kFooter,
       kHeadline,
       {"Councillors ended two years", "The vote was close", kParagraph1, kParagraph3},
       {"Bus fares", "Transport Reporter"}},

      {"the lead under the headline is kept across a box of links",
       kLynxHeader + kHeadline + "\n\n" +
           "Two years of argument ended on Tuesday night, when councillors finally agreed to "
           "take the trams to the hospital and beyond.\n\n"
           "  * Share on Facebook\n  * Share on X\n  * Email this page\n"
           "  * Listen to this article\n  * Photo gallery of the line\n"
           "  * Map of the new stops\n  * Timetable for next year\n  * Our transport desk\n\n" +
           kArticle + kFooter,
       kHeadline,
       {"Two years of argument ended", kParagraph1, kParagraph3},
       {"Share on", "Map of the new stops", "Bus fares"}},

      {"a list inside the article is kept, a list of links is not",
       kLynxHeader + kHeadline + "\n\n" + kParagraph1 + "\n\n" +
           "  * The line will get six new stops, two of them at schools.\n"
           "  * Trams will run every five minutes, from six in the morning.\n"
           "  * Fares stay the same, for now.\n\n" +
           kParagraph2 + "\n\n" + kParagraph3 + "\n\n" +
           "  * Bus fares to rise in April\n  * Bridge repairs finished early\n",
       kHeadline,
       {"six new stops", "every five minutes", "Fares stay the same", kParagraph3},
       {"Bus fares", "Bridge repairs"}},

      {"a short sentence next to prose is kept, a menu line there is not",
       kLynxHeader + kHeadline + "\n\n" + kParagraph1 + "\n\n" + kParagraph2 + "\n\n" +
           "These are the stops the new line will serve:\n\n"
           "  * Market Square\n  * Hospital\n  * Northern Park\n\n" +
           kParagraph3 + "\n\n" + "Top | Back | E-mail to a friend | Printable version\n" + kFooter,
       kHeadline,
       {"These are the stops the new line will serve", kParagraph2},
       {"Printable version", "Bus fares"}},

      {"German furniture: photo credit, related-story heading, comments",
       "Startseite\n\nStadtrat beschlie\xC3\x9Ft Verl\xC3\xA4ngerung der Stra\xC3\x9F"
       "enbahn\n\n"
       "Der Stadtrat hat am Dienstag beschlossen, die n\xC3\xB6rdliche Stra\xC3\x9F"
       "enbahnlinie zu verl\xC3\xA4ngern, und damit einen Streit beendet, der das Projekt "
       "mehr als zwei Jahre lang aufgehalten hatte.\n\n"
       "Foto: Max Muster\n\n"
       "Die Bef\xC3\xBCrworter sagten, die Verl\xC3\xA4ngerung werde f\xC3\xBCr tausende "
       "Pendler die Fahrzeit verk\xC3\xBCrzen, w\xC3\xA4hrend die Gegner warnten, dass sich "
       "die Kosten seit dem ersten Plan fast verdoppelt h\xC3\xA4tten.\n\n"
       "Die neue Haltestelle am Markt. Bild: Max Muster/Agentur\n\n"
       "\xC3\x84hnliche Beitr\xC3\xA4ge\n\n"
       "Die Arbeiten am ersten Abschnitt sollen im Fr\xC3\xBChjahr beginnen, und die "
       "B\xC3\xBCrgermeisterin sagte, sie hoffe, dass die neuen Haltestellen vor dem Ende des "
       "n\xC3\xA4"
       "chsten Jahres er\xC3\xB6"
       "ffnet werden.\n\n"
       "Schreibe einen Kommentar\n\n"
       "Ich finde, dass die Stadt das Geld f\xC3\xBCr die Verl\xC3\xA4ngerung der Linie "
       "lieber in neue Busse und in die Sanierung der alten Br\xC3\xBC"
       "cken stecken sollte, "
       "die seit Jahren verfallen.\n",
       "",
       {"Der Stadtrat hat am Dienstag",
        "Die Bef\xC3\xBC"
        "rworter",
        "Die Arbeiten am ersten"},
       {"Foto:", "Bild:", "\xC3\x84hnliche Beitr\xC3\xA4ge", "Schreibe einen Kommentar",
        "Ich finde"}},

      // A standfirst that ends without a full stop reads as a heading to the line rating, but
      // as prose to the line classifier; the two agree on where the article is, so it is kept.
      {"a standfirst without a full stop between the headline and the body",
       kLynxHeader + kHeadline + "\n\n" +
           "Councillors ended two years of argument over the cost of the northern tram line "
           "and agreed to take it to the hospital\n\nJane Doe\n\nTransport Reporter\n\n" +
           kArticle + kFooter,
       kHeadline,
       {"Councillors ended two years of argument", kParagraph1, kParagraph3},
       {"Bus fares", "Copyright"}},

      // The lead stands above a subscription offer that the body's run does not cross, and
      // below a gallery, further from the headline than a byline and a photo: it is kept for
      // sharing the body's subject. The teaser of another story in a list above is not.
      {"a lead cut off from the body by an offer box",
       kLynxHeader + "  * Harbour ferry timetable changes from Monday\n" + kOtherStoryTeaser +
           "\n  * Weather warning for the coast\n\n" + kHeadline + "\n\n" + kGallery + kLead +
           "\n\n" + kOfferBox + kArticle + kFooter,
       kHeadline,
       {kLead, kParagraph1, kParagraph3},
       {kOtherStoryTeaser, "Monthly plan", "Cancel any time"}},

      // The second half of the article stands below a box of links; it speaks of other things
      // than the first half (few words in common), but it is as long as half of it: the rest
      // of the article, not a blurb about the author or the site.
      {"the second half of an article below a box of links",
       kLynxHeader + kHeadline + "\n\n" + kArticle + "\n" +
           "  * Timetables\n  * Maps of the area\n  * Fares\n  * Park and ride\n\n" +
           "Residents of the suburbs, many of them commuters who drive to their offices today, "
           "welcomed the news at a packed meeting in the community hall, where engineers showed "
           "drawings of the stops.\n\n"
           "Shop owners along the route hope the trams will bring them customers, although "
           "some fear months of roadworks outside their doors once the construction crews "
           "arrive.\n" +
           kFooter,
       kHeadline,
       {kParagraph1, kParagraph3, "Residents of the suburbs", "Shop owners along the route"},
       {"Park and ride", "Bus fares"}},

      // The last section of an article below a box of links, two short paragraphs a third as
      // long as the article above: it turns to other people and places (few words in common),
      // but a blurb about the author or the site is one paragraph.
      {"a closing section of two paragraphs below a box of links",
       kLynxHeader + kHeadline + "\n\n" + kArticle + "\n" +
           "  * Timetables\n  * Maps of the area\n  * Fares\n  * Park and ride\n\n" +
           "Residents of the city's suburbs welcomed the news at a packed meeting in the "
           "community hall on Friday evening.\n\n"
           "Shop owners along the route hope for more customers once the building work is "
           "over.\n" +
           kFooter,
       kHeadline,
       {kParagraph1, kParagraph3, "Residents of the city's suburbs", "Shop owners along"},
       {"Park and ride", "Bus fares"}},

      // A recipe's ingredients: short lines that start with an amount, in parts with headings,
      // above the method; the method is the body's run, the list belongs to it.
      {"a recipe's list of ingredients above its method",
       kLynxHeader +
           "Lemon cake with a crisp sugar crust\n\nIngredients\n\nFor the sponge:\n"
           "200 g flour\n150 g sugar\n4 eggs\n1 tsp baking powder\n1/2 tsp salt\n"
           "For the syrup:\n2 lemons\n100 g icing sugar\n\nMethod\n\n"
           "Heat the oven to 180 degrees and line a loaf tin with baking paper, then beat the "
           "butter and the sugar until pale and fluffy.\n\n"
           "Add the eggs one at a time, fold in the flour and the grated zest, and pour the "
           "batter into the tin.\n\n"
           "Bake for about forty minutes, until a skewer comes out clean, and leave the cake to "
           "cool in the tin for ten minutes.\n" +
           kFooter,
       "Lemon cake with a crisp sugar crust",
       {"For the sponge:", "200 g flour", "1/2 tsp salt", "For the syrup:", "100 g icing sugar",
        "Heat the oven", "cool in the tin"},
       {"Bus fares", "Home"}},

      // Lines that start with numbers above an article are no ingredients when the numbers
      // count the items of a list, give dates, or vary one option.
      {"numbered menus, dates and options above an article are no ingredients",
       "1 Home\n2 News\n3 Sport\n4 Weather\n5 Travel\n\n"
       "12 months\n24 months\n36 months\n48 months\n\n"
       "25/11 Concert in the park\n28/11 Film night\n30/11 Book fair\n12/12 Carol service\n\n" +
           kHeadline + "\n\n" + kArticle + kFooter,
       kHeadline,
       {kParagraph1, kParagraph3},
       {"Home", "months", "Concert", "Carol"}},

      // Links to other stories labelled "Read more:" stand between the article's paragraphs;
      // the article goes on after them.
      {"labelled links to other stories inside the article",
       kLynxHeader + kHeadline + "\n\n" + kParagraph1 + "\n\n" +
           "Read more: Bus fares to rise in April as the operator faces higher fuel costs and "
           "fewer passengers on its rural routes\n\n" +
           kParagraph2 + "\n\n" +
           "Read more: Bridge repairs finished early after engineers worked through the night "
           "over three weekends in a row\n\n" +
           kParagraph3 + "\n" + kFooter,
       kHeadline,
       {kParagraph1, kParagraph2, kParagraph3},
       {"Read more", "Bus fares", "Bridge repairs"}},

      // A recipe: a gallery, its introduction, then the list of ingredients (too long for the
      // body's run to cross), then the method. The introduction weighs more than half the method:
      // it is the article's first part, though it shares few words with the method.
      {"an introduction above a long list of ingredients",
       kLynxHeader + "Lemon cake with a crisp sugar crust\n\n" + kGallery +
           "My grandmother baked this every summer, and the smell of it still takes me back to "
           "her small kitchen by the sea, where we spent long afternoons.\n\n"
           "It keeps for days in a tin, and it tastes even better on the second day, when the "
           "syrup has soaked right through to the middle.\n\n"
           "Ingredients\n\n"
           "  * 200 g flour\n  * 200 g sugar\n  * 200 g butter\n  * 4 eggs\n"
           "  * 2 lemons\n  * 1 tsp baking powder\n  * 1 pinch salt\n  * 100 g icing sugar\n"
           "  * 2 tbsp milk\n  * 50 g almonds\n  * 1 vanilla pod\n  * 1 tbsp honey\n\n"
           "Heat the oven to 180 degrees and line a loaf tin with baking paper, then beat the "
           "butter and the sugar until pale and fluffy.\n\n"
           "Add the eggs one at a time, fold in the flour and the grated zest, and pour the "
           "batter into the tin.\n\n"
           "Bake for about forty minutes, until a skewer comes out clean, and leave the cake to "
           "cool in the tin for ten minutes.\n\n"
           "Stir the lemon juice into the remaining sugar and spoon it over the warm cake, so "
           "that it sets into a crisp crust.\n" +
           kFooter,
       "Lemon cake with a crisp sugar crust",
       {"My grandmother baked this", "It keeps for days", "Heat the oven", "a crisp crust."},
       {"Bus fares"}},

      // A post's closing lines are short sentences after its last paragraph (ended by a full
      // stop, a colon or an emoticon); a call to follow a link after them is no sentence.
      {"closing lines after the last paragraph",
       kLynxHeader + kHeadline + "\n\n" + kArticle +
           "\nI hope you like the news.\n"
           "I will write more about it when the works begin :)\n"
           "Follow us on Facebook and Twitter for all the latest updates\n" +
           kFooter,
       kHeadline,
       {kParagraph3, "I hope you like the news.",
        "I will write more about it when the works begin :)"},
       {"Follow us on Facebook", "Bus fares"}},

      // A closing sentence that lost its full stop is long and a third function words; a call
      // to follow a link is neither.
      {"a closing sentence without its full stop",
       kLynxHeader + kHeadline + "\n\n" + kArticle +
           "\nIt is not the first time that the city has promised a tram to the north, and it "
           "may well not be the last\n"
           "Follow us on Facebook and Twitter for all the latest updates\n" +
           kFooter,
       kHeadline,
       {kParagraph3, "may well not be the last"},
       {"Follow us on Facebook", "Bus fares"}},

      // A consent dialog after the article holds more prose than the article; its lines speak
      // of cookies, consent and data, and most are furniture by their wording, but the ones
      // that explain it read as prose: the run is a notice, and the article is the other run.
      {"a consent dialog longer than the article",
       kLynxHeader + kHeadline + "\n\n" + kArticle + kFooter + "\n" + kConsentDialog,
       kHeadline,
       {kParagraph1, kParagraph2, kParagraph3},
       {"cookies", "Cookies", "statistics", "partners"}},
  };
}

}  // namespace

TEST_CASE("pages: the article is kept and the furniture dropped", "[text_cleaner]") {
  for (const PageCase& c : page_cases()) {
    SECTION(c.name) {
      const Extraction x = clean_text_dump(c.page);
      INFO("body:\n" << x.article.body);
      REQUIRE(x.has_text);
      if (!c.title.empty()) CHECK(x.article.title == c.title);
      for (const std::string& text : c.kept) {
        INFO("kept: " << text);
        CHECK(contains(x.article.body, text));
      }
      for (const std::string& text : c.dropped) {
        INFO("dropped: " << text);
        CHECK_FALSE(contains(x.article.body, text));
      }
      CHECK(x.article.author == c.author);
      CHECK(x.article.date == c.date);
    }
  }
}

TEST_CASE("pages without an article are reported, not emptied into junk", "[text_cleaner]") {
  const std::string headlines_only =
      kLynxHeader +
      "Top stories\n\n"
      "  * Council approves tram line extension\n  * Mayor unveils budget plan\n"
      "  * Schools to get new funding\n  * Bridge repairs finished early\n"
      "  * Bus fares to rise in April\n  * Storm warning for the weekend\n\n"
      "Council approves tram line extension\nThe council has voted to expand the tram...\n\n"
      "Mayor unveils budget plan\nThe mayor has set out her spending plans for...\n\n" +
      kFooter;
  const std::string error_page =
      kLynxHeader + "404 Not Found\n\nSorry, the page you requested could not be found.\n\n" +
      "  * Return to the home page\n" + kFooter;
  const std::vector<std::pair<const char*, std::string>> pages = {
      {"empty", ""},
      {"blank lines", "\n\n   \n\t\n"},
      {"headlines only", headlines_only},
      {"error page", error_page},
      {"only links", std::string(300, '\n') +
                         [] {
                           std::string links;
                           for (int i = 0; i < 2000; ++i)
                             links += "  * Link number " + std::to_string(i) + "\n";
                           return links;
                         }()},
  };
  for (const auto& [name, page] : pages) {
    SECTION(name) {
      const Extraction x = clean_text_dump(page);
      CHECK_FALSE(x.has_text);
      CHECK_FALSE(x.reason.empty());
      CHECK(x.article.body.empty());
    }
  }
}

TEST_CASE("hostile input finishes quickly", "[text_cleaner]") {
  using Clock = std::chrono::steady_clock;
  const std::vector<std::pair<const char*, std::string>> pages = {
      {"10 MB single line",
       [] {
         std::string s;
         s.reserve(10u << 20);
         while (s.size() < (10u << 20))
           s += "The market rose on Tuesday. ";
         return s;
       }()},
      {"NUL bytes",
       [] {
         std::string s;
         for (int i = 0; i < 20000; ++i)
           s += std::string("Hello\0world. ", 13) + (i % 50 == 0 ? "\n\n" : "");
         return s;
       }()},
      {"brackets without end", std::string(2u << 20, '[')},
      {"form fields", std::string(4u << 20, '_') + "\n" + std::string(600000, '(')},
      {"many short lines",
       [] {
         std::string s;
         for (int i = 0; i < 99000; ++i)
           s += "a\n";
         return s;
       }()},
      {"more lines than a page has", std::string(200000, '\n') + kArticle},
      {"glued capitals",
       [] {
         std::string s;
         for (int i = 0; i < 200000; ++i)
           s += "abCdEfGhIj";
         return s;
       }()},
  };
  for (const auto& [name, page] : pages) {
    SECTION(name) {
      const auto start = Clock::now();
      const Extraction x = clean_text_dump(page);
      const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
      CHECK(seconds < 5.0 * nsearch::test::kSanitizerSlowdown);
      CHECK(x.article.body.size() <= page.size());
    }
  }
}

// ---------------------------------------------------------------- line cues

TEST_CASE("line cues: what a line's wording says about it", "[text_cleaner]") {
  using nsearch::text_dump::analyse_lines;
  using nsearch::text_dump::Cue;
  const std::vector<std::pair<std::string, Cue>> cases = {
      {"Related stories", Cue::kBoilerplate},
      {"Latest stories", Cue::kBoilerplate},
      {"Subscribe", Cue::kBoilerplate},
      {"Sign up for our newsletter", Cue::kBoilerplate},
      {"Follow us on Twitter", Cue::kBoilerplate},
      {"Share this article", Cue::kBoilerplate},
      {"Read more", Cue::kBoilerplate},
      {"Copyright 2024 Example Media. All rights reserved.", Cue::kBoilerplate},
      {"\xC2\xA9 2024 Example Media", Cue::kBoilerplate},
      {"We use cookies to improve your experience on our site.", Cue::kBoilerplate},
      // Cookie, consent and licence notices in any language: two notice words in a line.
      {"Diese Website verwendet Cookies. Wenn Sie die Website weiter nutzen, stimmen Sie der "
       "Verwendung von Cookies zu.",
       Cue::kNotice},
      {"Nous utilisons des cookies pour mesurer l'audience, avec votre consentement.",
       Cue::kNotice},
      {"Dieses Werk ist unter einer Creative Commons Lizenz lizenziert.", Cue::kNotice},
      {"Facebook Twitter LinkedIn Email", Cue::kBoilerplate},
      {"Advertisement", Cue::kInterruption},
      {"Story continues below advertisement", Cue::kInterruption},
      // A labelled link to another story inside the article, in any language, however long.
      {"Read more: Council delays the vote on the new bus lanes until after the summer holidays",
       Cue::kInterruption},
      {"Lea m\xC3\xA1s: Juan Carlos propone legalizar la venta de caf\xC3\xA9 en Nicaragua",
       Cue::kInterruption},
      {"Dowiedz si\xC4\x99 wi\xC4\x99"
       "cej: Kto jak g\xC5\x82osowa\xC5\x82 ws. funduszy?",
       Cue::kInterruption},
      {"Comments", Cue::kCommentsStart},
      {"12 comments", Cue::kCommentsStart},
      {"Leave a comment", Cue::kCommentsStart},
      {"Have your say", Cue::kCommentsStart},
      {"Comments are moderated and will be posted if they are on-topic.", Cue::kCommentsStart},
      {"Photo: Jo Bloggs / Example Agency", Cue::kCaption},
      {"The mayor at the opening on Monday. (AP Photo/Jo Bloggs)", Cue::kCaption},
      // A credit in brackets after the caption, with the labels that lead a caption line.
      {"The new tram at the depot on Monday morning. (Credit: Jo Bloggs / Example Agency)",
       Cue::kCaption},
      {"Die neue Stra\xC3\x9F"
       "enbahn im Depot am Montag. (Bildquelle: Stadtwerke)",
       Cue::kCaption},
      {"By Jane Doe", Cue::kByline},
      {"(Reporting by Jane Doe; Editing by John Smith)", Cue::kByline},
      {"Posted by: Grumpy | March 3, 2019 4:49 PM", Cue::kByline},
      {"Page 2 of 3", Cue::kPager},
      {"Next page", Cue::kPager},
      {"Fri Jan 18, 2008 1:41pm GMT", Cue::kDate},
      {"5 days ago", Cue::kDate},
      {"Mayor unveils budget plan for the coming year, with cuts to...", Cue::kTeaser},
      {"Ribadu Reels Out AchievementsDrama as Senate Insists2027: Akume Begs Atiku",
       Cue::kGluedLinks},
      {"Search ____________________", Cue::kForm},
      {"http://www.example.com/news/index.html", Cue::kForm},
      // Not furniture: sentences that merely use the words.
      {"The minister declined to comment on the report.", Cue::kNone},
      {"Shares in the company rose by four per cent in early trading on Tuesday.", Cue::kNone},
      {"Byron Bay is a popular destination for surfers.", Cue::kNone},
      {"The regulator said the new privacy rules would apply to every company from next year.",
       Cue::kNone},
      {"The Speaker of the House of Commons called for order as the debate went on.", Cue::kNone},
      {"The company's OneTouch interface gives drivers quick access to the maps they need.",
       Cue::kNone},
      {"Related to this, the council said: the vote will be held in May.", Cue::kNone},
  };
  for (const auto& [text, cue] : cases) {
    INFO("line: " << text);
    const auto lines = analyse_lines(text);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].cue == cue);
  }
}

TEST_CASE("line cleaning: bullets, placeholders and wrapped lines", "[text_cleaner]") {
  using nsearch::text_dump::analyse_lines;
  SECTION("lynx bullets and image placeholders are removed") {
    const auto lines = analyse_lines("  * Home\n    + World\n      o Europe\n[photo.jpg] Caption");
    REQUIRE(lines.size() == 4);
    CHECK(lines[0].text == "Home");
    CHECK(lines[0].bullet);
    CHECK(lines[1].text == "World");
    CHECK(lines[2].text == "Europe");
    CHECK(lines[3].text == "Caption");
    CHECK_FALSE(lines[3].bullet);
  }
  SECTION("innerText list items") {
    const auto lines = analyse_lines("- Home\n- News\n");
    REQUIRE(lines.size() == 2);
    CHECK(lines[1].text == "News");
    CHECK(lines[1].bullet);
  }
  SECTION("hard-wrapped paragraphs are joined, indented lines start new ones") {
    const auto lines = analyse_lines(
        "    The council voted on Tuesday to expand the northern tram line, ending\n"
        "a dispute that had delayed the project for more than two years and cost\n"
        "the city dearly.\n"
        "    Supporters said the extension would cut travel times for thousands of\n"
        "commuters.\n");
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].text.ends_with("cost the city dearly."));
    CHECK(lines[1].text.starts_with("Supporters said"));
  }
  SECTION("short lines of a menu are not joined") {
    const auto lines = analyse_lines("Home\nNews\nSport\n");
    CHECK(lines.size() == 3);
  }
}

// ---------------------------------------------------------------- metadata helpers

TEST_CASE("bylines name their author", "[text_cleaner]") {
  using nsearch::text_dump::author_before_agency;
  using nsearch::text_dump::byline_author;
  using nsearch::text_dump::credit_author;
  const std::vector<std::pair<std::string, std::string>> bylines = {
      {"By Jane Doe", "Jane Doe"},
      {"By Jane Doe, Staff Writer", "Jane Doe"},
      {"By JANE DOE, Associated Press Writer", "JANE DOE"},
      {"Posted by Jo Smith on January 10, 2008", "Jo Smith"},
      {"By Chuck Squatriglia January 10, 2008 | 6:46:13 PM", "Chuck Squatriglia"},
      {"By Jane Doe and John Smith", "Jane Doe and John Smith"},
      {"By Ludwig van Beethoven", "Ludwig van Beethoven"},
      {"Written by: Ann Lee | Updated 10:32", "Ann Lee"},
      {"By CP", "CP"},
  };
  for (const auto& [line, author] : bylines) {
    INFO("byline: " << line);
    CHECK(byline_author(line) == author);
  }
  CHECK(author_before_agency("John Smith | Reuters") == "John Smith");
  CHECK(author_before_agency("Jane Doe, Associated Press") == "Jane Doe");
  CHECK(author_before_agency("World | Africa").empty());
  CHECK(author_before_agency("Prices rose, traders said").empty());
  CHECK(credit_author("Agency Report") == "Agency Report");
  CHECK(credit_author("Staff Reporter") == "Staff Reporter");
  CHECK(credit_author("Reuters") == "Reuters");
  CHECK(credit_author("Send Feedback").empty());
  CHECK(credit_author("The minister said.").empty());
}

TEST_CASE("dates are taken as written, never invented", "[text_cleaner]") {
  using nsearch::text_dump::find_date_text;
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Fri Jan 18, 2008 1:41pm GMT", "Fri Jan 18, 2008 1:41pm GMT"},
      {"Published: Dec. 27, 2007 at 2:04 PM", "Dec. 27, 2007 at 2:04 PM"},
      {"16 January 2008 - The Security Council met", "16 January 2008"},
      {"Thursday, December 27, 2007", "Thursday, December 27, 2007"},
      {"Updated 2008-01-10T10:00:00Z", "2008-01-10T10:00:00Z"},
      {"Last updated 29/12/2007", "29/12/2007"},
      {"January 11th 2008", "January 11th 2008"},
      {"5 days ago", ""},
      {"In May the council met 12 times.", ""},
      {"Call 412-4543 now", ""},
      {"Page 1 of 3", ""},
  };
  for (const auto& [line, date] : cases) {
    INFO("line: " << line);
    CHECK(find_date_text(line) == date);
  }
}

TEST_CASE("site names glued to their home link", "[text_cleaner]") {
  using nsearch::text_dump::outlet_from_home_link;
  CHECK(outlet_from_home_link("The New Diplomathttps://newdiplomatng.com/") == "The New Diplomat");
  CHECK(outlet_from_home_link("Daily Examplehttp://example.com") == "Daily Example");
  CHECK(outlet_from_home_link("Read the report at https://example.com/report").empty());
  CHECK(outlet_from_home_link("https://example.com/").empty());
  CHECK(outlet_from_home_link("Prices rose, traders said.https://example.com/").empty());
}

TEST_CASE("a page that is no article but holds text is kept as a page", "[text_cleaner]") {
  // A results list with a line of commentary: no run of prose, but text people search for.
  std::string page =
      kLynxHeader + "Regatta results\n\nResults of the harbour regatta on Saturday\n\n";
  for (int i = 1; i <= 12; ++i) {
    page += std::to_string(i) + ". Boat " + std::to_string(i) + " Seagull, skipper Jane Doe, 1:0" +
            std::to_string(i % 10) + ":12 hours\n";
  }
  page += "\n" + kFooter;
  const Extraction x = clean_text_dump(page);
  REQUIRE(x.has_text);
  CHECK(x.article.kind == "page");
  CHECK_FALSE(x.reason.empty());
  CHECK(contains(x.article.body, "Boat 7 Seagull"));
}
