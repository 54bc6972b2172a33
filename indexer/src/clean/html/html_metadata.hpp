// Article metadata an HTML page declares (internal): JSON-LD, OpenGraph and article: meta,
// other <meta> conventions, microdata, <time>, the canonical link, <html lang> and <title>.
#pragma once

#include <gumbo.h>

#include <string>
#include <string_view>
#include <vector>

namespace nsearch::html {

/// What the page says about itself; every field empty when not declared.
struct PageMetadata {
  std::string title_tag;  ///< text of <title>
  std::string headline;   ///< JSON-LD / microdata headline
  std::string og_title;   ///< og:title, else twitter:title
  std::string site_name;  ///< JSON-LD publisher name, else og:site_name
  std::string author;
  std::string date;  ///< raw, as written
  std::string url;
  std::string lang;
  std::string category;
  std::string article_body;  ///< JSON-LD articleBody, when plain text (paragraphs by '\n')
  /// What a JSON-LD Recipe or HowTo lists as its content: ingredients, supplies, the text of
  /// each step. Pages show them as short lines and tables that do not read as prose.
  std::vector<std::string> declared_items;
  bool declares_article = false;  ///< JSON-LD article type or og:type "article"
  bool declares_page = false;     ///< og:type "website" or JSON-LD WebSite/CollectionPage only
};

PageMetadata read_metadata(const GumboNode* root);

/// A <title> cut into the headline and the site name around it: "Headline | Site",
/// "Headline - Section - Site", "Site :: Headline". `known_site` (e.g. og:site_name) is removed
/// wherever it stands; otherwise short leading/trailing parts are taken as site and section.
struct TitleParts {
  std::string headline;
  std::string site;
};
TitleParts split_title(std::string_view title, std::string_view known_site = {});

}  // namespace nsearch::html
