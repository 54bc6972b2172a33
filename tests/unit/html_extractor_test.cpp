// Unit tests for the HTML article extractor (indexer/src/clean/extraction.hpp, clean/html/). The
// pages are invented, in the styles real news sites use: modern ones with JSON-LD, cookie banners
// and "Latest stories" widgets, and 2008-era table layouts.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <string>

#include "clean/extraction.hpp"
#include "clean/html/html_charset.hpp"
#include "clean/html/html_dom.hpp"
#include "clean/html/html_metadata.hpp"
#include "text_util.hpp"

using nsearch::extract_html;
using nsearch::Extraction;

namespace {

// Paragraphs of plain news prose, long enough for the scorer to see an article.
const std::string kPara1 =
    "The city council voted on Tuesday to expand the harbour ferry service, adding three new "
    "routes that will connect the northern suburbs with the business district by next summer.";
const std::string kPara2 =
    "Officials said the expansion would cost about 40 million dollars, most of it paid by a "
    "regional transport grant, and that fares would stay at their current level for two years.";
const std::string kPara3 =
    "Residents who spoke at the meeting were largely in favour, although several asked the "
    "council to make sure that the new piers are accessible to people with disabilities.";
const std::string kPara4 =
    "The mayor said construction of the first pier would begin in the spring, and that the "
    "council would publish a detailed timetable for the remaining work before the end of May.";

std::string article_paragraphs() {
  return "<p>" + kPara1 + "</p>\n<p>" + kPara2 + "</p>\n<p>" + kPara3 + "</p>\n<p>" + kPara4 +
         "</p>\n";
}

std::string expected_body() {
  return kPara1 + "\n" + kPara2 + "\n" + kPara3 + "\n" + kPara4;
}

/// A bar of sixteen short links ("Share this story on ..."): between two containers it costs
/// their common parent more than a short lead brings, so that content scoring picks the lower
/// container alone.
std::string share_bar() {
  std::string bar = "<ul class=\"share\">";
  for (int i = 0; i < 16; ++i)
    bar += "<li><a href=\"/s" + std::to_string(i) +
           "\">Share this story on social network number " + std::to_string(i) + " now</a></li>";
  return bar + "</ul>";
}

/// A modern article page: header navigation, the article, a "Latest stories" widget, a footer.
std::string modern_page(const std::string& head, const std::string& extra_in_article = "",
                        const std::string& extra_in_body = "") {
  return "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">" + head +
         "</head><body>"
         "<header class=\"site-header\"><nav><ul><li><a href=\"/\">Home</a></li>"
         "<li><a href=\"/news\">News</a></li><li><a href=\"/sport\">Sport</a></li>"
         "<li><a href=\"/business\">Business</a></li></ul></nav></header>"
         "<main><article><h1>Council expands harbour ferry service</h1>"
         "<p class=\"byline\">By Jane Doe</p><time datetime=\"2021-09-24T08:30:00Z\">24 "
         "September 2021</time>"
         "<div class=\"article-body\">" +
         article_paragraphs() + extra_in_article +
         "</div></article>"
         "<aside class=\"latest\"><h2>Latest stories</h2><ul>"
         "<li><a href=\"/a\">Storm closes coastal road for the second time this month</a></li>"
         "<li><a href=\"/b\">School meals programme extended to all primary pupils</a></li>"
         "<li><a href=\"/c\">Local team wins regional cup after penalty shoot-out</a></li>"
         "</ul></aside></main>" +
         extra_in_body +
         "<footer><p><a href=\"/about\">About us</a> | <a href=\"/privacy\">Privacy</a></p>"
         "<p>Copyright 2021 The Harbour Herald. All rights reserved.</p></footer>"
         "</body></html>";
}

}  // namespace

// ---- metadata ----------------------------------------------------------------------------------

TEST_CASE("JSON-LD NewsArticle fills the metadata", "[html][metadata]") {
  const std::string head = R"(<title>Ferry service grows | The Harbour Herald</title>
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Council expands harbour ferry service",
 "datePublished": "2021-09-24T08:30:00+01:00",
 "author": {"@type": "Person", "name": "Jane Doe"},
 "publisher": {"@type": "Organization", "name": "The Harbour Herald",
               "logo": {"@type": "ImageObject", "url": "https://example.com/logo.png"}},
 "inLanguage": "en-GB", "articleSection": "Local news",
 "mainEntityOfPage": {"@type": "WebPage", "@id": "https://example.com/news/ferry"}}
</script>)";
  const Extraction e = extract_html(modern_page(head));
  CHECK(e.has_text);
  CHECK(e.article.title == "Council expands harbour ferry service");
  CHECK(e.article.date == "2021-09-24T08:30:00+01:00");
  CHECK(e.article.author == "Jane Doe");
  CHECK(e.article.outlet == "The Harbour Herald");
  CHECK(e.article.lang == "en-GB");
  CHECK(e.article.category == "Local news");
  CHECK(e.article.url == "https://example.com/news/ferry");
  CHECK(e.article.body == expected_body());
}

TEST_CASE("JSON-LD @graph resolves author and publisher references", "[html][metadata]") {
  const std::string head = R"(<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "WebSite", "@id": "https://example.com/#website", "name": "Harbour Herald"},
  {"@type": "Organization", "@id": "https://example.com/#org", "name": "Harbour Herald Ltd"},
  {"@type": "Person", "@id": "https://example.com/#/person/1", "name": "Sam Reporter"},
  {"@type": ["Article", "NewsArticle"], "@id": "https://example.com/news/ferry#article",
   "headline": "Ferry routes to triple", "datePublished": "2021-09-24",
   "author": {"@id": "https://example.com/#/person/1"},
   "publisher": {"@id": "https://example.com/#org"},
   "articleSection": ["Transport", "Local"], "url": "https://example.com/news/ferry"}
]}
</script>)";
  const Extraction e = extract_html(modern_page(head));
  CHECK(e.article.title == "Ferry routes to triple");
  CHECK(e.article.author == "Sam Reporter");
  CHECK(e.article.outlet == "Harbour Herald Ltd");
  CHECK(e.article.category == "Transport");
  CHECK(e.article.date == "2021-09-24");
  CHECK(e.article.url == "https://example.com/news/ferry");
}

TEST_CASE("JSON-LD arrays, author lists and string authors", "[html][metadata]") {
  const std::string head = R"(<script type="application/ld+json">
[{"@type": "BreadcrumbList", "itemListElement": []},
 {"@type": "BlogPosting", "headline": "Ferry notes", "dateCreated": "2021-09-20",
  "author": [{"@type": "Person", "name": "Ann One"}, "Bob Two",
             {"@type": "Person", "name": "https://example.com/profile"}],
  "publisher": "Harbour Blog"}]
</script>)";
  const Extraction e = extract_html(modern_page(head));
  CHECK(e.article.title == "Ferry notes");
  CHECK(e.article.author == "Ann One, Bob Two");
  CHECK(e.article.outlet == "Harbour Blog");
  CHECK(e.article.date == "2021-09-20");
}

TEST_CASE("JSON-LD wrapped in comments is read; broken JSON-LD is ignored", "[html][metadata]") {
  const std::string wrapped = R"(<script type="application/ld+json"><!--
{"@type": "ReportageNewsArticle", "headline": "Wrapped headline",
 "description": "a line
 break inside a string"}
--></script>)";
  CHECK(extract_html(modern_page(wrapped)).article.title == "Wrapped headline");

  const std::string broken =
      R"(<title>Council expands harbour ferry service - Harbour Herald</title>
<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>)";
  const Extraction e = extract_html(modern_page(broken));
  CHECK(e.article.title == "Council expands harbour ferry service");
  CHECK(e.article.body == expected_body());
}

TEST_CASE("OpenGraph and article: meta are used without JSON-LD", "[html][metadata]") {
  const std::string head = R"(<title>Ferry | Harbour Herald</title>
<meta property="og:title" content="Harbour ferry service to expand | Harbour Herald">
<meta property="og:site_name" content="Harbour Herald">
<meta property="og:url" content="https://example.com/og-url">
<meta property="og:type" content="article">
<meta property="article:published_time" content="2021-09-24T08:30:00Z">
<meta property="article:author" content="https://www.facebook.com/janedoe">
<meta name="author" content="Jane Doe">
<meta property="article:section" content="Transport">)";
  const Extraction e = extract_html(modern_page(head));
  CHECK(e.article.title == "Harbour ferry service to expand");
  CHECK(e.article.outlet == "Harbour Herald");
  CHECK(e.article.url == "https://example.com/og-url");
  CHECK(e.article.date == "2021-09-24T08:30:00Z");
  CHECK(e.article.author == "Jane Doe");  // the profile link is not a name
  CHECK(e.article.category == "Transport");
}

TEST_CASE("Older <meta> names give date and author", "[html][metadata]") {
  for (const char* name : {"date", "pubdate", "publish-date", "dc.date", "DC.date.issued",
                           "citation_date", "sailthru.date"}) {
    const std::string head = std::string("<meta name=\"") + name +
                             "\" content=\"2008-01-14\"><meta name=\"dc.creator\" "
                             "content=\"Pat Writer\">";
    const Extraction e = extract_html(modern_page(head));
    CHECK(e.article.date == "2008-01-14");
    CHECK(e.article.author == "Pat Writer");
  }
}

TEST_CASE("<time datetime> gives the date when no meta does", "[html][metadata]") {
  CHECK(extract_html(modern_page("")).article.date == "2021-09-24T08:30:00Z");
  // A time marked as the publication time wins over earlier ones (e.g. in a ticker).
  const std::string page =
      "<html><body><div class=\"ticker\"><time datetime=\"2021-01-01\">New year</time></div>"
      "<h1>Headline</h1><time pubdate datetime=\"2021-09-24\">Friday</time>" +
      article_paragraphs() + "</body></html>";
  CHECK(extract_html(page).article.date == "2021-09-24");
}

TEST_CASE("Canonical link, og:url and <html lang>", "[html][metadata]") {
  const std::string head =
      "<link rel=\"canonical\" href=\"https://example.com/canonical\">"
      "<meta property=\"og:url\" content=\"https://example.com/og\">";
  const Extraction e = extract_html(modern_page(head));
  CHECK(e.article.url == "https://example.com/canonical");
  CHECK(e.article.lang == "en-GB");
  // Relative or empty canonical links are not URLs.
  const Extraction rel = extract_html(modern_page("<link rel=\"canonical\" href=\"/news/1\">"));
  CHECK(rel.article.url.empty());
}

TEST_CASE("Microdata headline and author", "[html][metadata]") {
  const std::string page =
      "<html><body><div itemscope itemtype=\"https://schema.org/NewsArticle\">"
      "<h1 itemprop=\"headline\">Microdata headline here</h1>"
      "<span itemprop=\"author\">Max Mustermann</span>"
      "<meta itemprop=\"datePublished\" content=\"2020-02-02\">" +
      article_paragraphs() + "</div></body></html>";
  const Extraction e = extract_html(page);
  CHECK(e.article.title == "Microdata headline here");
  CHECK(e.article.author == "Max Mustermann");
  CHECK(e.article.date == "2020-02-02");
}

TEST_CASE("split_title strips site and section names", "[html][title]") {
  using nsearch::html::split_title;
  CHECK(split_title("Ferry service grows | The Harbour Herald").headline == "Ferry service grows");
  CHECK(split_title("Ferry service grows | The Harbour Herald").site == "The Harbour Herald");
  CHECK(split_title("Ferry service grows - Local - Harbour Herald").headline ==
        "Ferry service grows");
  CHECK(split_title("Ferry service grows - Local - Harbour Herald").site == "Harbour Herald");
  CHECK(split_title("Herald :: Ferry service grows again").headline == "Ferry service grows again");
  CHECK(split_title("Herald :: Ferry service grows again").site == "Herald");
  CHECK(split_title("BBC NEWS | Americas | Bush visits Mexico City today").headline ==
        "Bush visits Mexico City today");
  // A known site name is removed wherever it stands, and only it.
  CHECK(split_title("Vote - a guide for the perplexed | Herald", "Herald").headline ==
        "Vote - a guide for the perplexed");
  CHECK(split_title("A headline without any site").headline == "A headline without any site");
  CHECK(split_title("").headline.empty());
}

TEST_CASE("The title is the heading that matches <title>, else the cleaned <title>",
          "[html][title]") {
  const std::string with_h1 =
      "<html><head><title>Council expands harbour ferry service | Harbour Herald</title></head>"
      "<body><div class=\"logo\">Harbour Herald</div>"
      "<h1>Council expands harbour ferry service</h1>" +
      article_paragraphs() + "</body></html>";
  const Extraction e = extract_html(with_h1);
  CHECK(e.article.title == "Council expands harbour ferry service");
  CHECK(e.article.outlet == "Harbour Herald");
  CHECK(e.article.body == expected_body());  // the headline is not repeated in the body

  const std::string without_heading =
      "<html><head><title>Harbour ferry service grows - Harbour Herald</title></head><body>" +
      article_paragraphs() + "</body></html>";
  CHECK(extract_html(without_heading).article.title == "Harbour ferry service grows");
}

TEST_CASE("A <title> that names only the site gives way to the page heading", "[html][title]") {
  const std::string page =
      "<html><head><title>The Harbour Herald - Your local news</title></head><body>"
      "<table><tr><td><a href=\"/\">Home</a> <a href=\"/news\">News</a></td></tr>"
      "<tr><td><h2>Ferry service to triple by summer</h2>"
      "<div>By JANE DOE, Staff Writer</div><div>Posted: 12:30 PM Jan 14, 2008</div>" +
      article_paragraphs() + "</td></tr></table></body></html>";
  const Extraction e = extract_html(page);
  CHECK(e.article.title == "Ferry service to triple by summer");
  // Without metadata, byline and dateline under the headline give author and date.
  CHECK(e.article.author == "JANE DOE");
  CHECK(e.article.date == "Posted: 12:30 PM Jan 14, 2008");
  CHECK(e.article.body == expected_body());
}

TEST_CASE("Markup in the title is kept as text", "[html][title]") {
  const std::string page =
      "<html><head><title><script>alert(1)</script> Ferry news</title></head><body>" +
      article_paragraphs() + "</body></html>";
  const Extraction e = extract_html(page);
  CHECK(e.article.title == "<script>alert(1)</script> Ferry news");
  CHECK(e.article.body == expected_body());

  const std::string escaped =
      "<html><head><title>&lt;b&gt;Bold&lt;/b&gt; &amp; ferry</title></head><body>" +
      article_paragraphs() + "</body></html>";
  CHECK(extract_html(escaped).article.title == "<b>Bold</b> & ferry");
}

TEST_CASE("A title with a mangled end tag does not swallow the page", "[html][title]") {
  std::string page = "<html><head><title>Ferry service grows</titlevalue=\"x\" -->\n";
  page += "<script>var x = 1;</script></head><body>" + article_paragraphs() + "</body></html>";
  const Extraction e = extract_html(page);
  CHECK(e.article.title == "Ferry service grows");
  CHECK(e.article.body == expected_body());
}

// ---- main text ----------------------------------------------------------------------------------

TEST_CASE("Navigation, latest stories widget and footer are dropped", "[html][content]") {
  const Extraction e = extract_html(modern_page("<title>Harbour</title>"));
  CHECK(e.has_text);
  CHECK(e.article.body == expected_body());
}

// A full modern page: cookie dialog, header navigation, lead image, an ad slot and a related
// box inside the article body, tags, comments, "Most viewed" and "More on this story".
const char* const kModernPage = R"HTML(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Scientists map the ocean floor off Greenland in record detail | World news | The Daily Planet</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:title" content="Scientists map the ocean floor off Greenland in record detail">
<meta property="og:site_name" content="The Daily Planet">
<meta property="og:type" content="article">
<meta property="article:published_time" content="2023-05-04T10:15:00Z">
<link rel="canonical" href="https://dailyplanet.example/world/2023/may/04/greenland-ocean-floor">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Scientists map the ocean floor off Greenland in record detail","datePublished":"2023-05-04T10:15:00Z","author":[{"@type":"Person","name":"Lena Fjord"}],"publisher":{"@type":"Organization","name":"The Daily Planet"}}</script>
<style>.hidden{display:none}</style>
<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}</script>
</head>
<body>
<a class="skip-link" href="#maincontent">Skip to main content</a>
<div id="cookie-banner" class="consent-overlay" role="dialog"><h2>We value your privacy</h2><p>We and our partners use cookies and similar technologies to store and access information on your device, to personalise content and ads, and to measure how our services are used. You can change your choices at any time by visiting Privacy settings.</p><button>Accept all</button><button>Manage preferences</button></div>
<header class="site-header"><div class="logo"><a href="/">The Daily Planet</a></div>
<nav aria-label="Main"><ul><li><a href="/news">News</a></li><li><a href="/opinion">Opinion</a></li><li><a href="/sport">Sport</a></li><li><a href="/culture">Culture</a></li><li><a href="/lifestyle">Lifestyle</a></li></ul></nav>
<div class="support"><p>Support independent journalism. <a href="/contribute">Contribute today</a></p></div></header>
<main id="maincontent">
<article>
<div class="article-header"><a class="section-label" href="/world">World news</a>
<h1>Scientists map the ocean floor off Greenland in record detail</h1>
<p class="standfirst">A survey ship has charted 40,000 square kilometres of seabed, revealing canyons carved by ancient glaciers</p>
<div class="meta"><address class="byline">By <a rel="author" href="/profile/lena-fjord">Lena Fjord</a></address><time datetime="2023-05-04T10:15:00Z">Thu 4 May 2023 11.15 BST</time>
<div class="share"><a href="#">Share on Facebook</a><a href="#">Share on Twitter</a><a href="#">Share via Email</a></div></div></div>
<figure class="lead-image"><img src="ship.jpg" alt="The research vessel"><figcaption>The research vessel Polar Explorer in Disko Bay. Photograph: Lena Fjord/The Daily Planet</figcaption></figure>
<div class="article-body" itemprop="articleBody">
<p>Scientists have produced the most detailed map yet of the seabed off the west coast of Greenland, revealing a landscape of deep canyons and ridges that were carved by glaciers during the last ice age.</p>
<p>The survey, carried out over six weeks last summer by the research vessel Polar Explorer, used multibeam sonar to chart about 40,000 square kilometres of ocean floor, an area roughly the size of Denmark.</p>
<aside class="ad-slot"><p class="ad-label">Advertisement</p><div id="ad-1"></div></aside>
<p>"We were surprised by how much of the old glacial landscape has been preserved," said Dr Maria Holm, the expedition's chief scientist. "In some places you can still see the marks left by icebergs scraping along the bottom thousands of years ago."</p>
<div class="related-inline"><h3>Related</h3><ul><li><a href="/a">Greenland ice sheet lost record amount of mass last year, study finds</a></li><li><a href="/b">Arctic shipping routes open as sea ice retreats</a></li></ul></div>
<p>The researchers say the map will help them understand how the Greenland ice sheet responded to past warming, and how it may react to the rising temperatures expected this century.</p>
<h2>Warming waters</h2>
<p>Warm ocean water flowing along the canyons is thought to be one of the main reasons why the glaciers that end in the sea have been retreating so quickly in recent decades.</p>
<p>Holm said the team would return next year to extend the survey northwards, where much of the seabed has never been mapped at all.</p>
<p class="newsletter-promo"><strong>Sign up to Down to Earth</strong>: our free weekly newsletter about the planet. <a href="/newsletters">Sign up</a></p>
</div>
<div class="article-footer"><ul class="tags"><li><a href="/t/greenland">Greenland</a></li><li><a href="/t/oceans">Oceans</a></li><li><a href="/t/climate">Climate crisis</a></li></ul>
<div class="share"><a href="#">Reuse this content</a></div></div>
</article>
<section class="comments" id="comments"><h2>Comments (128)</h2><div class="comment"><p class="author">seafarer42</p><p>Fascinating work. It is amazing how little of the ocean floor we have mapped compared with the surface of Mars, and surveys like this one really show what we have been missing all along.</p></div><div class="comment"><p class="author">arcticwatcher</p><p>I hope the data will be made public so that other researchers can use it too, because this kind of survey is very expensive and should benefit everyone working on the ice sheet.</p></div></section>
<aside class="most-viewed"><h2>Most viewed</h2><ol><li><a href="/1">Heatwave warnings issued across southern Europe as temperatures soar</a></li><li><a href="/2">The best budget headphones of 2023, tested</a></li><li><a href="/3">Election results: live updates from every council</a></li></ol></aside>
<section class="onward"><h2>More on this story</h2>
<div class="card"><h3><a href="/c1">Greenland's glaciers retreating faster than thought</a></h3><p>New satellite data shows the ice sheet's outlet glaciers have lost more ice in the past decade than in the whole previous century.</p></div>
<div class="card"><h3><a href="/c2">Inside the race to map the world's oceans by 2030</a></h3><p>An international project wants a complete map of the seabed before the end of the decade, but less than a quarter has been surveyed so far.</p></div>
<div class="card"><h3><a href="/c3">Icebergs leave scars on the seabed that last for millennia</a></h3><p>Researchers studying the ocean floor near Antarctica found grooves cut by icebergs during the last ice age that are still visible today.</p></div>
</section>
</main>
<footer class="site-footer"><ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact us</a></li><li><a href="/complaints">Complaints &amp; corrections</a></li><li><a href="/privacy">Privacy policy</a></li><li><a href="/cookies">Cookie policy</a></li></ul><p>© 2023 The Daily Planet Media Group. All rights reserved.</p></footer>
</body>
</html>
)HTML";

TEST_CASE("A modern news page", "[html][content]") {
  const Extraction e = extract_html(kModernPage);
  CHECK(e.has_text);
  CHECK(e.article.title == "Scientists map the ocean floor off Greenland in record detail");
  CHECK(e.article.outlet == "The Daily Planet");
  CHECK(e.article.author == "Lena Fjord");
  CHECK(e.article.date == "2023-05-04T10:15:00Z");
  CHECK(e.article.url == "https://dailyplanet.example/world/2023/may/04/greenland-ocean-floor");
  CHECK(e.article.lang == "en");
  const std::string& body = e.article.body;
  // The standfirst under the headline is the article's lead.
  CHECK(
      body.starts_with("A survey ship has charted 40,000 square kilometres of seabed, revealing "
                       "canyons carved by ancient glaciers\nScientists have produced the most "
                       "detailed map yet"));
  CHECK(body.ends_with("where much of the seabed has never been mapped at all."));
  CHECK(body.find("\nWarming waters\n") != std::string::npos);
  for (const char* junk : {"cookies", "Advertisement", "Related", "Arctic shipping", "Photograph",
                           "Sign up", "Fascinating", "Most viewed", "race to map", "Share"}) {
    INFO(junk);
    CHECK(body.find(junk) == std::string::npos);
  }
  CHECK(std::count(body.begin(), body.end(), '\n') == 7);  // standfirst and seven paragraphs
}

// A WordPress page: Yoast JSON-LD graph, sharing and "Like this" blocks and related posts with
// summaries inside .entry-content, comments with a reply form, a widget sidebar.
const char* const kWordPressPage = R"HTML(<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<title>Town approves new bike lanes on Main Street &#8211; Riverside Gazette</title>
<meta name="description" content="The town council approved bike lanes.">
<script type="application/ld+json" class="yoast-schema-graph">{"@context":"https://schema.org","@graph":[{"@type":"Article","@id":"https://riverside.example/bike-lanes/#article","isPartOf":{"@id":"https://riverside.example/bike-lanes/"},"author":{"name":"Tom Baker","@id":"https://riverside.example/#/schema/person/1"},"headline":"Town approves new bike lanes on Main Street","datePublished":"2022-03-14T09:00:00+00:00","dateModified":"2022-03-15T11:00:00+00:00","mainEntityOfPage":{"@id":"https://riverside.example/bike-lanes/"},"publisher":{"@id":"https://riverside.example/#organization"},"articleSection":["Local","Transport"],"inLanguage":"en-US"},{"@type":"WebPage","@id":"https://riverside.example/bike-lanes/","url":"https://riverside.example/bike-lanes/","name":"Town approves new bike lanes on Main Street - Riverside Gazette"},{"@type":"Organization","@id":"https://riverside.example/#organization","name":"Riverside Gazette"},{"@type":"Person","@id":"https://riverside.example/#/schema/person/1","name":"Tom Baker"}]}</script>
</head>
<body class="post-template-default single single-post">
<div id="page" class="site">
<header id="masthead" class="site-header"><p class="site-title"><a href="/">Riverside Gazette</a></p><p class="site-description">News from the river towns</p>
<nav id="site-navigation" class="main-navigation"><div class="menu-main-container"><ul id="primary-menu" class="menu"><li><a href="/local">Local</a></li><li><a href="/schools">Schools</a></li><li><a href="/business">Business</a></li><li><a href="/obituaries">Obituaries</a></li></ul></div></nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-123" class="post-123 post type-post status-publish hentry category-local">
<header class="entry-header"><h1 class="entry-title">Town approves new bike lanes on Main Street</h1>
<div class="entry-meta"><span class="posted-on">Posted on <time class="entry-date published" datetime="2022-03-14T09:00:00+00:00">March 14, 2022</time></span><span class="byline"> by <span class="author vcard"><a class="url fn n" href="/author/tom">Tom Baker</a></span></span></div></header>
<div class="entry-content">
<p>The Riverside town council voted 5-2 on Monday night to add protected bike lanes along a mile-long stretch of Main Street, ending more than a year of debate over how to make the busy road safer for cyclists.</p>
<p>The plan will remove about 40 parking spaces between Elm Street and the river bridge, which several business owners had opposed. The council agreed to add new parking on two side streets to make up for the loss.</p>
<p>Councilwoman Ana Ruiz, who proposed the lanes, said three cyclists had been seriously injured on Main Street in the past two years. &#8220;We cannot wait for somebody to be killed before we act,&#8221; she said.</p>
<p>Work is expected to start in June and to be finished before the school year begins in September, according to the town engineer.</p>
<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social"><h3 class="sd-title">Share this:</h3><div class="sd-content"><ul><li><a href="#">Twitter</a></li><li><a href="#">Facebook</a></li></ul></div></div></div>
<div class="sharedaddy sd-block sd-like"><h3 class="sd-title">Like this:</h3><div class="likes-widget-placeholder">Loading...</div></div>
<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>Related</em></h3>
<div class="jp-relatedposts-items"><div class="jp-relatedposts-post"><h4><a href="/x">Council delays vote on Main Street parking</a></h4><p>The town council on Tuesday postponed a decision on parking changes along Main Street until after a public hearing next month.</p></div>
<div class="jp-relatedposts-post"><h4><a href="/y">Cyclist injured in Main Street crash</a></h4><p>A 34-year-old cyclist was taken to hospital on Friday after being hit by a car near the intersection of Main and Elm streets.</p></div></div></div>
</div>
<footer class="entry-footer"><span class="cat-links">Posted in <a href="/local">Local</a></span><span class="tags-links">Tagged <a href="/t/bikes">bikes</a>, <a href="/t/council">council</a></span></footer>
</article>
<nav class="navigation post-navigation"><h2 class="screen-reader-text">Post navigation</h2><div class="nav-links"><div class="nav-previous"><a href="/prev">Previous post: Library extends weekend hours</a></div><div class="nav-next"><a href="/next">Next post: High school wins robotics contest</a></div></div></nav>
<div id="comments" class="comments-area"><h2 class="comments-title">2 thoughts on &ldquo;Town approves new bike lanes on Main Street&rdquo;</h2>
<ol class="comment-list"><li class="comment"><article class="comment-body"><footer class="comment-meta"><b class="fn">Jim</b> says:</footer><div class="comment-content"><p>About time. I ride to work every day and Main Street is the most dangerous part of the trip, especially in the winter when it gets dark early.</p></div></article></li>
<li class="comment"><article class="comment-body"><footer class="comment-meta"><b class="fn">Carol</b> says:</footer><div class="comment-content"><p>Losing forty parking spaces is going to hurt the shops on Main Street, and nobody on the council seems to care about the people who actually own businesses there.</p></div></article></li></ol>
<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3><form><p class="comment-notes">Your email address will not be published. Required fields are marked *</p><p><label>Comment</label><textarea></textarea></p></form></div></div>
</main></div>
<aside id="secondary" class="widget-area"><section class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2><ul><li><a href="/1">Library extends weekend hours</a></li><li><a href="/2">High school wins robotics contest</a></li></ul></section>
<section class="widget widget_text"><h2 class="widget-title">About</h2><div class="textwidget"><p>The Riverside Gazette has covered the river towns since 1921. We are an independent, reader-supported newsroom with a staff of six reporters and editors.</p></div></section></aside>
</div>
<footer id="colophon" class="site-footer"><div class="site-info">Proudly powered by WordPress</div></footer>
</div>
</body></html>
)HTML";

TEST_CASE("A WordPress news page", "[html][content]") {
  const Extraction e = extract_html(kWordPressPage);
  CHECK(e.has_text);
  CHECK(e.article.title == "Town approves new bike lanes on Main Street");
  CHECK(e.article.author == "Tom Baker");
  CHECK(e.article.outlet == "Riverside Gazette");
  CHECK(e.article.category == "Local");
  CHECK(e.article.date == "2022-03-14T09:00:00+00:00");
  CHECK(e.article.url == "https://riverside.example/bike-lanes/");
  CHECK(e.article.lang == "en-US");
  const std::string& body = e.article.body;
  CHECK(body.starts_with("The Riverside town council voted 5-2 on Monday night"));
  CHECK(body.ends_with("according to the town engineer."));
  CHECK(body.find("\xE2\x80\x9CWe cannot wait for somebody to be killed before we act,"
                  "\xE2\x80\x9D she said.") != std::string::npos);
  CHECK(std::count(body.begin(), body.end(), '\n') == 3);
}

TEST_CASE("Cookie banner, newsletter box and share bar are dropped", "[html][content]") {
  const std::string cookie =
      "<div class=\"cookie-consent\"><p>We use cookies to give you the best experience on our "
      "website. By continuing to browse the site you agree to our use of cookies, as described "
      "in our cookie policy, which you can read at any time.</p><button>Accept</button></div>";
  const std::string newsletter =
      "<div class=\"newsletter-signup\"><h3>Get the morning briefing</h3><p>Sign up to our free "
      "newsletter and get the most important stories of the day delivered to your inbox every "
      "morning, so that you never miss what is happening in the city.</p></div>";
  const std::string share =
      "<div class=\"share-tools\"><a href=\"#\">Facebook</a> <a href=\"#\">Twitter</a> "
      "<a href=\"#\">Email</a></div><p>Share this article</p>";
  const Extraction e = extract_html(modern_page("", share + newsletter, cookie));
  CHECK(e.article.body == expected_body());
}

TEST_CASE("A comments section is dropped", "[html][content]") {
  SECTION("marked up as comments") {
    const std::string comments =
        "<section id=\"comments\" class=\"comments-area\"><h3>23 comments</h3>"
        "<div class=\"comment\"><p class=\"comment-author\">harbourfan</p><p>I have been taking "
        "the ferry for years and I think this is a great idea, but the council should also look "
        "at the parking situation near the old pier, which is terrible.</p></div>"
        "<div class=\"comment\"><p>Another waste of money. The buses already go there and they "
        "are half empty most of the day, so who is going to use these new ferries anyway?</p>"
        "</div><div class=\"comment\"><p>Finally some good news for the northern suburbs, where "
        "people have waited for better transport links for as long as I can remember.</p></div>"
        "</section>";
    const Extraction e = extract_html(modern_page("", "", comments));
    CHECK(e.article.body == expected_body());
  }
  SECTION("only announced by a heading") {
    const std::string page =
        "<html><body><h1>Council expands harbour ferry service</h1><div id=\"story\">" +
        article_paragraphs() +
        "<h3>Comments are now closed for this story</h3>"
        "<p>I have been taking the ferry for years and I think this is a great idea, but the "
        "council should also look at the parking situation near the old pier.</p>"
        "<p>Another waste of money. The buses already go there and they are half empty most of "
        "the day, so who is going to use these new ferries anyway?</p>"
        "<p>Finally some good news for the northern suburbs, where people have waited for "
        "better transport links for as long as I can remember, and longer.</p>"
        "<p>Great news for commuters like me who cross the harbour twice a day for work and are "
        "tired of sitting in traffic on the bridge for an hour each way.</p>"
        "<p>Will the new piers be built in time for the summer season? I doubt it, given how "
        "long the last renovation of the old pier took the council.</p>"
        "</div></body></html>";
    const Extraction e = extract_html(page);
    CHECK(e.article.body == expected_body());
  }
}

TEST_CASE("Related stories, teasers and 'Read more' are dropped", "[html][content]") {
  const std::string related =
      "<div class=\"related-stories\"><h4>Related stories</h4><ul>"
      "<li><a href=\"/1\">Ferry fares frozen for two years</a></li>"
      "<li><a href=\"/2\">New pier plans unveiled by harbour authority</a></li></ul></div>";
  const std::string teasers =
      "<div class=\"more-news\"><h2>More from the Herald</h2>"
      "<div class=\"item\"><h3><a href=\"/3\">Storm closes coastal road</a></h3>"
      "<p>The coastal road was closed for the second time this month after heavy rain caused "
      "a landslide near the lighthouse on Sunday night.</p></div>"
      "<div class=\"item\"><h3><a href=\"/4\">School meals extended</a></h3>"
      "<p>All primary pupils in the district will receive free school meals from January, the "
      "education department announced in a statement on Monday.</p></div>"
      "<div class=\"item\"><h3><a href=\"/5\">Cup win for local team</a></h3>"
      "<p>The town's football team won the regional cup after a dramatic penalty shoot-out in "
      "front of a record crowd at the stadium on Saturday afternoon.</p></div></div>";
  const std::string read_more = "<p><a href=\"/more\">Read more</a></p>";
  const Extraction e = extract_html(modern_page("", related + read_more, teasers));
  CHECK(e.article.body == expected_body());
}

TEST_CASE("Subheadings and lists inside the article are kept; furniture lines are not",
          "[html][content]") {
  const std::string page =
      "<html><body><h1>Council expands harbour ferry service</h1><div class=\"story-body\">"
      "<p>" +
      kPara1 + "</p><p>" + kPara2 +
      "</p><div class=\"ad-slot\"><p>Advertisement</p></div><h2>New routes</h2>"
      "<ul><li>North Quay to Central Pier</li><li>Marina to Old Town</li></ul><p>" +
      kPara3 + "</p><p>Story continues below</p><p>" + kPara4 + "</p></div></body></html>";
  const Extraction e = extract_html(page);
  CHECK(e.article.body == kPara1 + "\n" + kPara2 +
                              "\nNew routes\nNorth Quay to Central Pier\nMarina to Old Town\n" +
                              kPara3 + "\n" + kPara4);
}

TEST_CASE("Gallery and figure captions are dropped", "[html][content]") {
  const std::string gallery =
      "<figure><img src=\"a.jpg\"><figcaption>The new ferry on its first test run across the "
      "harbour on Monday morning. Photo: Harbour Herald</figcaption></figure>"
      "<div class=\"gallery\"><div class=\"slide\"><img src=\"b.jpg\"><p>Passengers waiting at "
      "the old pier, where the first of the new routes will start next summer.</p></div>"
      "<div class=\"slide\"><img src=\"c.jpg\"><p>The mayor speaking at the council meeting "
      "on Tuesday evening in front of a packed public gallery.</p></div></div>";
  const std::string page =
      "<html><body><h1>Council expands harbour ferry service</h1><div class=\"article\">" +
      gallery + article_paragraphs() + "</div></body></html>";
  CHECK(extract_html(page).article.body == expected_body());
}

TEST_CASE("A 2008 table layout page", "[html][content]") {
  const std::string page =
      "<html><head><title>HARBOUR HERALD - Ferry service to expand</title></head>"
      "<body bgcolor=\"#ffffff\"><table width=\"760\" border=\"0\"><tr>"
      "<td width=\"150\" valign=\"top\"><a href=\"/\">Home</a><br><a href=\"/news\">News</a><br>"
      "<a href=\"/sport\">Sport</a><br><a href=\"/weather\">Weather</a><br>"
      "<a href=\"/classifieds\">Classifieds</a><br><a href=\"/contact\">Contact us</a></td>"
      "<td width=\"460\" valign=\"top\"><font face=\"Arial\" size=\"4\"><b>Ferry service to "
      "expand</b></font><br><font size=\"1\">Posted: Monday, January 14, 2008</font><br><br>"
      "<font face=\"Arial\" size=\"2\">" +
      kPara1 + "<br><br>" + kPara2 + "<br><br>" + kPara3 + "<br><br>" + kPara4 +
      "</font></td><td width=\"150\" valign=\"top\"><b>Top stories</b><br>"
      "<a href=\"/1\">Storm closes coastal road</a><br><a href=\"/2\">School meals extended</a>"
      "<br><a href=\"/3\">Cup win for local team</a></td></tr></table>"
      "<center><font size=\"1\">&copy; 2008 Harbour Herald</font></center></body></html>";
  const Extraction e = extract_html(page);
  CHECK(e.has_text);
  CHECK(e.article.title == "Ferry service to expand");
  CHECK(e.article.outlet == "HARBOUR HERALD");
  CHECK(e.article.date == "Posted: Monday, January 14, 2008");
  CHECK(e.article.body == expected_body());
}

TEST_CASE("Pages without an article are kept as pages or, without text, skipped",
          "[html][content]") {
  SECTION("an index page of headlines and teasers") {
    std::string page = "<html><head><title>News - Harbour Herald</title></head><body><h1>News</h1>";
    for (int i = 0; i < 8; ++i) {
      page += "<div class=\"teaser\"><h2><a href=\"/n" + std::to_string(i) + "\">Headline number " +
              std::to_string(i) +
              " about the harbour</a></h2><p>A short summary of the story that is behind "
              "the link, written to make readers click on it and read on.</p></div>";
    }
    page += "</body></html>";
    // Kept, as a page rather than an article: its summaries are text a search can find.
    const Extraction e = extract_html(page);
    CHECK(e.has_text);
    CHECK(e.article.kind == "page");
    CHECK_FALSE(e.reason.empty());
    CHECK(e.article.body.find("A short summary of the story") != std::string::npos);
  }
  SECTION("a website home page") {
    const std::string page =
        "<html><head><meta property=\"og:type\" content=\"website\"></head><body>"
        "<h1>Welcome</h1><p>The Harbour Herald is the local newspaper for the harbour towns, "
        "published every week since 1887.</p><ul><li><a href=\"/news\">News</a></li></ul>"
        "</body></html>";
    CHECK_FALSE(extract_html(page).has_text);
  }
  SECTION("an error page") {
    const std::string page =
        "<html><head><title>404 Not Found</title></head><body><h1>Page not found</h1>"
        "<p>Sorry, the page you were looking for does not exist or has been moved. Please use "
        "the search box or go back to the home page to find what you were looking for.</p>"
        "</body></html>";
    const Extraction e = extract_html(page);
    CHECK_FALSE(e.has_text);
  }
  SECTION("empty and blank pages") {
    CHECK_FALSE(extract_html("").has_text);
    CHECK_FALSE(extract_html("   \n\t ").has_text);
    CHECK_FALSE(extract_html("<html><body></body></html>").has_text);
    CHECK_FALSE(extract_html("").reason.empty());
  }
}

TEST_CASE("JSON-LD articleBody stands in for a body rendered by scripts", "[html][content]") {
  const std::string page =
      "<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
      "\"headline\": \"Ferry service grows\", \"articleBody\": \"" +
      kPara1 + "\\n\\n" + kPara2 +
      "\"}</script></head><body><div id=\"app\">Loading...</div>"
      "<script src=\"app.js\"></script></body></html>";
  const Extraction e = extract_html(page);
  CHECK(e.has_text);
  CHECK(e.article.title == "Ferry service grows");
  CHECK(e.article.body == kPara1 + "\n" + kPara2);
}

TEST_CASE("The lead shown above a paywall goes before the declared articleBody",
          "[html][content]") {
  const std::string lead =
      "A short lead shown to every reader says what the story is about before the paywall.";
  const auto page = [&](const std::string& shown) {
    return "<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
           "\"headline\": \"Ferry service grows\", \"articleBody\": \"" +
           kPara1 + "\\n\\n" + kPara2 +
           "\"}</script></head><body><h1>Ferry service grows</h1><div><p>" + shown +
           "</p></div><div class=\"paywall\">Subscribe to read on</div></body></html>";
  };
  Extraction e = extract_html(page(lead));
  CHECK(e.has_text);
  CHECK(e.article.body == lead + "\n" + kPara1 + "\n" + kPara2);
  // A caption ending with its credit is not prose: the declared text alone.
  e = extract_html(
      page("The council leader opens the new ferry pier in the harbour on Monday. Photo: AP"));
  CHECK(e.article.body == kPara1 + "\n" + kPara2);
  // Shown text that the declared body holds is not repeated.
  e = extract_html(page(kPara1));
  CHECK(e.article.body == kPara1 + "\n" + kPara2);
}

TEST_CASE("A short post of a few sentences is kept without the furniture around it",
          "[html][content]") {
  const auto page = [](const std::string& post) {
    return "<html><head><title>Winter walk</title></head><body>"
           "<nav><ul><li><a href=\"/\">Home</a></li><li><a "
           "href=\"/about\">About</a></li></ul></nav>"
           "<article><h1>Winter walk</h1><div class=\"entry-content\"><p>" +
           post +
           "</p></div><div class=\"sharedaddy sd-sharing\"><h3>Share this:</h3><ul>"
           "<li><a href=\"/t\">Twitter</a></li><li><a href=\"/f\">Facebook</a></li></ul></div>"
           "<div id=\"comments\" class=\"comments-area\"><h3>Leave a comment</h3>"
           "<p>Enter your comment here and tell us what you think.</p></div></article>"
           "<footer><p>Related posts</p><p>Blog at WordPress.com.</p></footer></body></html>";
  };
  const std::string post =
      "Who slips next on the icy path, I asked. I bet it is you, she said, and then she fell. "
      "She won!";
  Extraction e = extract_html(page(post));
  REQUIRE(e.has_text);
  CHECK(e.article.body == post);
  CHECK(e.article.kind == "page");
  // One sentence is a notice, not a post: the page text stands in, as before.
  e =
      extract_html(page("To get in touch with us, call the office on weekdays or write to the "
                        "address given below"));
  CHECK(e.article.body !=
        "To get in touch with us, call the office on weekdays or write to the "
        "address given below");
}

TEST_CASE("Scripts, styles, hidden elements and form controls are not text", "[html][content]") {
  const std::string page =
      "<html><body><h1>Council expands harbour ferry service</h1><div class=\"story\">"
      "<script>document.write('<p>Script paragraph that is long enough to be prose if it were "
      "read as text by a careless extractor, which it should not be.</p>');</script>"
      "<style>p { color: red; }</style><noscript>Please enable JavaScript to read this.</noscript>"
      "<div style=\"display: none\"><p>Hidden paragraph that is long enough to be prose if it "
      "were read as text by a careless extractor, which it should not be.</p></div>"
      "<select><option>Choose a section</option></select>" +
      article_paragraphs() +
      "<p>The full report is on the <a href=\"/r\">council website<span class=\"sr-only\"> "
      "(opens in a new window)</span></a>, with maps of every route.</p></div></body></html>";
  CHECK(extract_html(page).article.body ==
        expected_body() + "\nThe full report is on the council website, with maps of every route.");
}

// ---- charsets ----------------------------------------------------------------------------------

TEST_CASE("windows-1252 bytes declared as latin-1 are decoded", "[html][charset]") {
  // "Café “Harbour” – 5 €" in windows-1252
  const std::string cafe = "Caf\xE9 \x93Harbour\x94 \x96 5 \x80";
  const std::string page =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
      "charset=iso-8859-1\"><title>" +
      cafe + "</title></head><body>" + article_paragraphs() + "</body></html>";
  const Extraction e = extract_html(page);
  CHECK(e.article.title ==
        "Caf\xC3\xA9 \xE2\x80\x9CHarbour\xE2\x80\x9D \xE2\x80\x93 5 \xE2\x82\xAC");
  CHECK(e.article.body == expected_body());
}

TEST_CASE("Valid UTF-8 is kept whatever the page declares", "[html][charset]") {
  const std::string page =
      "<html><head><meta charset=\"windows-1252\"><title>Caf\xC3\xA9 \xE2\x80\x93 "
      "na\xC3\xAFve</title></head><body>" +
      article_paragraphs() + "</body></html>";
  CHECK(extract_html(page).article.title == "Caf\xC3\xA9 \xE2\x80\x93 na\xC3\xAFve");
}

TEST_CASE("A numeric reference that overflows leaves no stray byte in any field",
          "[html][charset]") {
  // gumbo 0.10 sums the digits in an int: 2147483843 wraps to a value whose low byte, 0xC3,
  // it writes alone (found by fuzzing). The text around it is kept.
  const std::string page =
      "<html><head><title>Oil&#2147483843; rises</title>"
      "<meta name=\"author\" content=\"Jane&#x800000E2; Doe\"></head><body>" +
      article_paragraphs() +
      "<p>Brent crude gained two&#2147483843; per cent on Tuesday as traders weighed the "
      "supply outlook for the coming months and the winter ahead.</p></body></html>";
  const nsearch::Extraction e = extract_html(page);
  REQUIRE(e.has_text);
  for (const std::string* field : {&e.article.title, &e.article.author, &e.article.body})
    CHECK_FALSE(nsearch::text::find_invalid_utf8(*field));
  CHECK(e.article.title == "Oil rises");
  CHECK(e.article.author == "Jane Doe");
  CHECK(e.article.body.find("gained two per cent on Tuesday") != std::string::npos);
}

TEST_CASE("to_utf8 handles declarations, stray bytes and byte order marks", "[html][charset]") {
  using nsearch::html::declared_charset;
  using nsearch::html::to_utf8;
  CHECK(declared_charset("<meta charset='UTF-8'>") == "utf-8");
  CHECK(declared_charset("<meta http-equiv=\"content-type\" content=\"text/html; "
                         "charset=ISO-8859-15\">") == "iso-8859-15");
  CHECK(declared_charset("<?xml version=\"1.0\" encoding=\"windows-1251\"?><html>") ==
        "windows-1251");
  CHECK(declared_charset("<html><p>no declaration</p>").empty());
  // Undeclared: valid sequences stay, stray bytes are read as windows-1252.
  CHECK(to_utf8("na\xC3\xAFve and caf\xE9") == "na\xC3\xAFve and caf\xC3\xA9");
  // A declared single-byte charset decodes every byte.
  CHECK(to_utf8("<meta charset=koi8-r>\xF0\xD2\xC9\xD7\xC5\xD4") ==
        "<meta charset=koi8-r>\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82");
  CHECK(to_utf8("<meta charset=iso-8859-15>\xA4") == "<meta charset=iso-8859-15>\xE2\x82\xAC");
  // Byte order marks.
  CHECK(to_utf8("\xEF\xBB\xBFok") == "ok");
  CHECK(to_utf8(std::string("\xFF\xFEo\0k\0", 6)) == "ok");
  CHECK(to_utf8(std::string("\xFE\xFF\0o\0k", 6)) == "ok");
  // Overlong forms and surrogates are not UTF-8.
  CHECK(to_utf8("\xC0\xAF") == "\xC3\x80\xC2\xAF");
  CHECK(to_utf8("\xED\xA0\x80") == "\xC3\xAD\xC2\xA0\xE2\x82\xAC");
}

// ---- hostile input
// -------------------------------------------------------------------------------

namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i)
    out += s;
  return out;
}

}  // namespace

TEST_CASE("Deeply nested markup completes quickly without overflowing the stack",
          "[html][hostile]") {
  for (const std::string open : {"<div>", "<span>", "<b>", "<table><tr><td>", "<ul><li>",
                                 "<div><table></div>", "<font>", "<p><i>", "<dl><dd>", "<h1>"}) {
    const std::string page =
        "<html><body>" + repeat(open, 200000) + article_paragraphs() + "</body></html>";
    const auto t0 = std::chrono::steady_clock::now();
    const Extraction e = extract_html(page);
    INFO("nesting with " << open);
    CHECK(seconds_since(t0) < 20.0);
    CHECK(e.article.body.find(kPara1) != std::string::npos);
  }
  // Text inside 200k open links is link text, not an article; it must only not take long.
  const auto t0 = std::chrono::steady_clock::now();
  extract_html(repeat("<a href=x>", 200000) + article_paragraphs());
  CHECK(seconds_since(t0) < 20.0);
}

TEST_CASE("NUL bytes, a 10 MB line and tag floods are handled", "[html][hostile]") {
  SECTION("NUL bytes") {
    std::string page = "<html><head><title>Ferry\0 news</title></head><body>";
    page = std::string("<html><head><title>Ferry\0 news</title></head><body>", 50);
    page += article_paragraphs();
    page += std::string("<p>\0\0\0</p></body></html>", 22);
    const Extraction e = extract_html(page);
    CHECK(e.article.body == expected_body());
    CHECK(e.article.title.find('\0') == std::string::npos);
  }
  SECTION("a 10 MB single line") {
    std::string page = "<html><body><p>" + repeat("word ", 2'000'000) + "</p>";
    page += article_paragraphs() + "</body></html>";
    const auto t0 = std::chrono::steady_clock::now();
    const Extraction e = extract_html(page);
    CHECK(seconds_since(t0) < 30.0);
    CHECK(e.has_text);
  }
  SECTION("millions of tags") {
    const std::string page = article_paragraphs() + repeat("<i></i>", 2'000'000);
    const auto t0 = std::chrono::steady_clock::now();
    const Extraction e = extract_html(page);
    CHECK(seconds_since(t0) < 30.0);
    CHECK(e.article.body == expected_body());
  }
  SECTION("unterminated constructs") {
    CHECK_NOTHROW(extract_html("<html><body><p>text <!-- never closed"));
    CHECK_NOTHROW(extract_html("<script>never closed"));
    CHECK_NOTHROW(extract_html("<a href=\"never closed"));
    CHECK_NOTHROW(extract_html("<<<<>>>></></x y=\"'>"));
    CHECK_NOTHROW(extract_html(std::string(1000, '<')));
  }
  SECTION("deeply nested JSON-LD") {
    const std::string head = "<script type=\"application/ld+json\">" + repeat("[", 100000) +
                             repeat("]", 100000) + "</script>";
    CHECK(extract_html(modern_page(head)).article.body == expected_body());
  }
}

TEST_CASE("limit_markup caps nesting depth and keeps text", "[html][hostile]") {
  using nsearch::html::limit_markup;
  using nsearch::html::MarkupLimits;
  MarkupLimits limits;
  limits.max_depth = 3;
  CHECK(limit_markup("<div><div><div><div>x</div></div></div></div>", limits) ==
        "<div><div><div>x</div></div></div>");
  CHECK(limit_markup("<p>a<p>b<p>c<p>d", limits) == "<p>a<p>b<p>c<p>d");  // <p> closes <p>
  CHECK(limit_markup("<script>if (a<b) {}</script><div>y", limits) ==
        "<script>if (a<b) {}</script><div>y");
  // Past the tag budget only text is left (script contents go too).
  limits.max_tags = 2;
  CHECK(limit_markup("<b>1</b><i>2</i><!-- 3 --><script>4</script>5", limits) == "<b>1</b>25");
}

TEST_CASE("A <noscript> that leaves a block open does not hide the page", "[html][content]") {
  // Parsed with scripts off, "<noscript><div></noscript>" keeps the noscript open to the end of
  // the page; browsers read it as raw text and show the page.
  const std::string page =
      "<html><head><title>Ferry service grows</title></head><body>"
      "<noscript><div id=\"nojs\"></noscript><h1>Ferry service grows</h1>" +
      article_paragraphs() + "</body></html>";
  const Extraction e = extract_html(page);
  REQUIRE(e.has_text);
  CHECK(e.article.kind == "article");
  CHECK(e.article.body == expected_body());
}

TEST_CASE("An opinion piece marked up as commentary is the article", "[html][content]") {
  const std::string page =
      "<html><head><title>Ferry service grows</title></head><body>"
      "<div class=\"sect sect_article commentary\"><h1>Ferry service grows</h1>" +
      article_paragraphs() +
      "</div><div id=\"comments\"><h2>Comments</h2><p>I took the ferry last week and it was "
      "late again, as it is every single week of the year.</p></div></body></html>";
  const Extraction e = extract_html(page);
  REQUIRE(e.has_text);
  CHECK(e.article.kind == "article");
  CHECK(e.article.body == expected_body());
}

TEST_CASE("A page that reads as no article keeps its text as a page", "[html][content]") {
  // A results table with a line of commentary: no prose run, but text people search for.
  std::string page =
      "<html><head><title>Regatta results</title></head><body><h1>Regatta results</h1>"
      "<p>Results of the harbour regatta held on Saturday</p><table>";
  for (int i = 1; i <= 12; ++i) {
    page += "<tr><td>" + std::to_string(i) + "</td><td>Boat " + std::to_string(i) +
            " Seagull</td><td>Skipper Jane Doe</td><td>1:0" + std::to_string(i % 10) +
            ":12</td></tr>";
  }
  page += "</table></body></html>";
  const Extraction e = extract_html(page);
  REQUIRE(e.has_text);
  CHECK(e.article.kind == "page");
  CHECK_FALSE(e.reason.empty());
  CHECK(e.article.body.find("Boat 7 Seagull") != std::string::npos);
}

TEST_CASE("Chinese text is measured in characters", "[html][content]") {
  // No spaces between words: a paragraph of 60 characters is a paragraph, not one "word".
  const std::string para =
      "武汉封城二十七天后，湖北以外地区新冠肺炎每日确诊病例迎来十五连降，"
      "湖北神农架林区确诊病例全部治愈。疫情虽在持续，但希望就在继续努力之中。";
  std::string page = "<html><head><title>英雄的城</title></head><body><h1>英雄的城</h1>";
  for (int i = 0; i < 4; ++i)
    page += "<p>" + para + "</p>";
  page += "</body></html>";
  const Extraction e = extract_html(page);
  REQUIRE(e.has_text);
  CHECK(e.article.body.find("疫情虽在持续") != std::string::npos);
}

TEST_CASE("The article's own header, named after it, is part of the article", "[html][content]") {
  // BEM and WordPress name the parts of a block after it: "article__header" holds the lead.
  const std::string lead =
      "The harbour town's ferry service will run twice as often from spring, the council "
      "decided on Tuesday after a year of complaints about crowded boats.";
  const std::string page =
      "<html><head><title>Ferry service grows</title></head><body>"
      "<header class=\"site-header\"><a href=\"/\">Harbour Herald</a></header>"
      "<article><div class=\"article__header\"><h1>Ferry service grows</h1><p>" +
      lead + "</p></div>" + article_paragraphs() + "</article></body></html>";
  const Extraction e = extract_html(page);
  REQUIRE(e.has_text);
  CHECK(e.article.body == lead + "\n" + expected_body());
}

TEST_CASE("Furniture is recognised in the languages news is written in", "[html][cues]") {
  // German and Spanish pages: a comment section after the article, a "read also" heading and a
  // photo credit inside it, and a legal notice in the footer.
  const std::string page =
      "<html><head><title>Fährverkehr wächst</title></head><body><h1>Fährverkehr wächst</h1>"
      "<p>Die Fähre im Hafen fährt ab dem Frühjahr doppelt so oft, wie der Gemeinderat am "
      "Dienstag nach einem Jahr voller Beschwerden über überfüllte Boote beschlossen hat.</p>"
      "<p>Foto: Hafenamt</p>"
      "<p>Der Betreiber will dafür zwei neue Schiffe kaufen, die im Sommer geliefert werden sollen "
      "und mit Strom aus dem Hafennetz fahren, was die Abgase im Hafen deutlich senken soll.</p>"
      "<h3>Lesen Sie auch</h3>"
      "<p>Die Stadt hat außerdem angekündigt, dass die Fahrpreise für Schüler und Rentner im "
      "kommenden Jahr nicht steigen werden, obwohl die Kosten für den Betrieb wachsen.</p>"
      "<h2>Kommentare</h2><p>Endlich! Ich habe jahrelang auf dem Steg gewartet und bin oft zu "
      "spät zur Arbeit gekommen, weil die Fähre voll war und mich nicht mitgenommen hat.</p>"
      "<p>© 2020 Hafenbote. Alle Rechte vorbehalten.</p></body></html>";
  const Extraction e = extract_html(page);
  REQUIRE(e.has_text);
  CHECK(e.article.body.find("Schiffe kaufen") != std::string::npos);
  CHECK(e.article.body.find("Foto: Hafenamt") == std::string::npos);
  CHECK(e.article.body.find("Lesen Sie auch") == std::string::npos);
  CHECK(e.article.body.find("jahrelang auf dem Steg") == std::string::npos);
  CHECK(e.article.body.find("Rechte vorbehalten") == std::string::npos);
}

TEST_CASE("A lead in a container of its own above the article is kept", "[html][content]") {
  // Two paragraphs right under the headline: where the article starts.
  const std::string lead =
      "The harbour town's ferry service will run twice as often from spring, the council "
      "decided on Tuesday after a year of complaints about crowded boats.</p><p>The decision "
      "ends a dispute that has divided the town since the old timetable was cut back.";
  const std::string page =
      "<html><head><title>Ferry service grows</title></head><body>"
      "<h1>Ferry service grows</h1><div class=\"standfirst\"><p>" +
      lead + "</p></div><div class=\"byline\">By Jane Doe</div>" + share_bar() +
      "<div class=\"body\">" + article_paragraphs() +
      "</div><ul><li><a href=\"/a\">Other story one about boats</a></li>"
      "<li><a href=\"/b\">Other story two about the port</a></li></ul>"
      "</body></html>";
  const Extraction e = extract_html(page);
  REQUIRE(e.has_text);
  CHECK(e.article.body.starts_with("The harbour town's ferry service"));
  CHECK(e.article.body.find("The decision ends a dispute") != std::string::npos);
  CHECK(e.article.body.ends_with(expected_body()));
}

TEST_CASE("A short standfirst and a deck under the headline are the lead", "[html][content]") {
  // Each too short to open the article's prose by itself, both set apart from the body by the
  // byline, the date and share buttons.
  const std::string page =
      "<html><head><title>Ferry service grows</title></head><body>"
      "<h1>Ferry service grows</h1><h2>Twice as many boats on the harbour route</h2>"
      "<div class=\"intro\">The council doubles the ferry service from spring after a year of "
      "complaints.</div><div>12 March 2019, 10:42</div>" +
      share_bar() + "<div class=\"body\">" + article_paragraphs() + "</div></body></html>";
  const Extraction e = extract_html(page);
  REQUIRE(e.has_text);
  CHECK(e.article.body ==
        "Twice as many boats on the harbour route\nThe council doubles the ferry service from "
        "spring after a year of complaints.\n" +
            expected_body());
}

TEST_CASE("A breadcrumb trail that repeats the title is not the headline", "[html][content]") {
  // The page's h1 differs from the declared title by its punctuation; the breadcrumb's last
  // item repeats the title exactly, below the article. Taken for the headline, it would leave
  // the standfirst under the real one out of the article.
  const std::string page =
      "<html><head><title>Harbour: Ferry service grows</title></head><body>"
      "<h1><span>Harbour</span><span>Ferry service grows</span></h1>"
      "<div class=\"intro\">Twice as many boats on the harbour route from spring</div>" +
      share_bar() + "<div class=\"body\">" + article_paragraphs() +
      "</div><ol class=\"breadcrumbs\"><li><a href=\"/\">Home</a></li>"
      "<li>Harbour: Ferry service grows</li></ol></body></html>";
  const Extraction e = extract_html(page);
  REQUIRE(e.has_text);
  CHECK(e.article.body ==
        "Twice as many boats on the harbour route from spring\n" + expected_body());
}

TEST_CASE("A recipe's declared ingredients are part of its text", "[html][content]") {
  // Short lines that read as neither prose nor links: the JSON-LD Recipe says they belong.
  const std::string head =
      "<title>Harbour fish stew</title><script type=\"application/ld+json\">"
      "{\"@context\": \"https://schema.org\", \"@type\": \"Recipe\", \"name\": \"Harbour fish "
      "stew\", \"recipeIngredient\": [\"500 g cod\", \"2 onions\", \"1 l fish stock\", "
      "\"Salt\"]}</script>";
  const std::string page = "<html><head>" + head +
                           "</head><body><nav><ul><li><a href=\"/\">Home</a></li></ul></nav>"
                           "<h1>Harbour fish stew</h1><div class=\"ingredients\"><h2>For the "
                           "stew:</h2><ul><li>500 g cod</li><li>2 onions</li><li>1 l fish "
                           "stock</li><li>Salt</li></ul></div><div class=\"steps\">" +
                           article_paragraphs() + "</div></body></html>";
  const Extraction e = extract_html(page);
  REQUIRE(e.has_text);
  CHECK(e.article.body == "500 g cod\n2 onions\n1 l fish stock\nSalt\n" + expected_body());

  // Microdata, in a table whose cells split amount and name, the name linked.
  const std::string table =
      "<table><tr itemprop=\"recipeIngredient\"><td>500 g</td><td>cod</td></tr>"
      "<tr itemprop=\"recipeIngredient\"><td>2 large</td><td><a "
      "href=\"/onions\">onions</a></td></tr>"
      "<tr itemprop=\"recipeIngredient\"><td>1 l</td><td>fish stock</td></tr></table>";
  const Extraction micro = extract_html(
      "<html><head><title>Harbour fish stew</title></head><body><div itemscope "
      "itemtype=\"https://schema.org/Recipe\"><h1>Harbour fish stew</h1>" +
      table + "<div>" + article_paragraphs() + "</div></div></body></html>");
  REQUIRE(micro.has_text);
  CHECK(micro.article.body == "500 g\ncod\n2 large\nonions\n1 l\nfish stock\n" + expected_body());
}

TEST_CASE("Soft hyphens do not split the words of the text", "[html][content]") {
  const std::string page =
      "<html><head><title>Ferry service grows</title></head><body>"
      "<h1>Ferry service grows</h1>" +
      article_paragraphs() +
      "<p>The ferry has run since the Mit&shy;tel&shy;al&shy;ter, the "
      "council's historian said.</p></body></html>";
  const Extraction e = extract_html(page);
  REQUIRE(e.has_text);
  CHECK(
      e.article.body.ends_with("The ferry has run since the Mittelalter, the council's "
                               "historian said."));
}

TEST_CASE("An embedded post quoted in the article is part of it", "[html][content]") {
  // Twitter's embed markup: a blockquote named after the network, like a share bar would be.
  const std::string tweet =
      "<blockquote class=\"twitter-tweet\"><p>The new timetable starts on Monday: boats every "
      "twenty minutes from the north pier, all day and all week.</p>&mdash; Harbour Council "
      "(@harbour) <a href=\"https://twitter.com/harbour/status/1\">March 1, 2019</a>"
      "</blockquote>";
  const std::string page =
      "<html><head><title>Ferry service grows</title></head><body>"
      "<h1>Ferry service grows</h1><div class=\"story\">" +
      article_paragraphs() + tweet + "<p>" + kPara1 + "</p></div></body></html>";
  const Extraction e = extract_html(page);
  REQUIRE(e.has_text);
  CHECK(e.article.body.find("The new timetable starts on Monday") != std::string::npos);
}

TEST_CASE("Ruby readings are not read into the text", "[html][content]") {
  // 子供(こども): the reading above the kanji would split every word of the base text.
  const std::string sentence =
      "<ruby>\xE5\xAD\x90\xE4\xBE\x9B<rp>(</rp><rt>\xE3\x81\x93\xE3\x81\xA9\xE3\x82\x82"
      "</rt><rp>)</rp></ruby>\xE3\x81\xAE\xE6\xB3\x95\xE5\xBE\x8B";
  const std::string page =
      "<html><head><title>Ferry service grows</title></head><body>"
      "<h1>Ferry service grows</h1>" +
      article_paragraphs() + "<p>" + sentence + "</p></body></html>";
  const Extraction e = extract_html(page);
  REQUIRE(e.has_text);
  CHECK(e.article.body.find("\xE5\xAD\x90\xE4\xBE\x9B\xE3\x81\xAE\xE6\xB3\x95\xE5\xBE\x8B") !=
        std::string::npos);
  CHECK(e.article.body.find("\xE3\x81\x93\xE3\x81\xA9") == std::string::npos);
}

TEST_CASE("A cookie notice is no part of the article, in any language", "[html][cues]") {
  for (const std::string notice :
       {"This website uses cookies to improve your experience while you navigate through the "
        "website. Out of these, the cookies that are categorized as necessary are stored on your "
        "browser as they are essential for the working of basic functionalities of the website.",
        "Diese Website verwendet Cookies, um Ihre Erfahrungen zu verbessern, während Sie durch "
        "die Website navigieren. Von diesen Cookies werden die nach Bedarf kategorisierten "
        "Cookies in Ihrem Browser gespeichert, da sie für das Funktionieren der Website "
        "unerlässlich sind."}) {
    const std::string page =
        "<html><head><title>Ferry service grows</title></head><body>"
        "<h1>Ferry service grows</h1>" +
        article_paragraphs() + "<div><p>" + notice + "</p></div></body></html>";
    const Extraction e = extract_html(page);
    REQUIRE(e.has_text);
    CHECK(e.article.body == expected_body());
  }
}

TEST_CASE("Byline and dateline under a standfirst are found", "[html][metadata]") {
  // Headline, standfirst, then byline and dateline, then the article: the standfirst is part
  // of the body, and the metadata under it is still the article's.
  const std::string page =
      "<html><head><title>Ferry service grows</title></head><body><h1>Ferry service grows</h1>"
      "<h2>The harbour town's ferry service will run twice as often from spring, the council "
      "decided on Tuesday after a year of complaints about crowded boats.</h2>"
      "<div>By Jane Doe</div><div>Posted: Tuesday, January 8, 2008, 13:51 (GMT)</div>" +
      article_paragraphs() + "</body></html>";
  const Extraction e = extract_html(page);
  REQUIRE(e.has_text);
  CHECK(e.article.date.find("January 8, 2008") != std::string::npos);
  CHECK(e.article.author == "Jane Doe");
  CHECK(e.article.body.ends_with(expected_body()));
}

TEST_CASE("A list that closes the article is kept whole", "[html][content]") {
  const std::string page =
      "<html><head><title>Ferry service grows</title></head><body><h1>Ferry service grows</h1>"
      "<div class=\"story\">" +
      article_paragraphs() +
      "<ul><li>New pier in the north</li><li>Boats every twenty minutes</li>"
      "<li>Night ferry on Fridays</li></ul></div>"
      "<div><ul><li><a href=\"/a\">Home</a></li><li><a href=\"/b\">Sport</a></li></ul></div>"
      "</body></html>";
  const Extraction e = extract_html(page);
  REQUIRE(e.has_text);
  CHECK(e.article.body == expected_body() +
                              "\nNew pier in the north\nBoats every twenty minutes\nNight ferry "
                              "on Fridays");
}

TEST_CASE("A heading after the article's last paragraph for what it left out is dropped",
          "[html][content]") {
  // "Background:" heads more of the article and stays; "Already read?" heads a list of other
  // stories, which the article leaves out, and goes with it.
  const std::string page =
      "<html><head><title>Ferry service grows</title></head><body><h1>Ferry service grows</h1>"
      "<div class=\"story\">" +
      article_paragraphs() + "<p>Background:</p><p>" + kPara1 +
      "</p><p>Already read?</p>"
      "<p><a href=\"/a\">Harbour master retires after forty years</a></p>"
      "<p><a href=\"/b\">New timetable for the island buses</a></p></div></body></html>";
  const Extraction e = extract_html(page);
  REQUIRE(e.has_text);
  CHECK(e.article.body == expected_body() + "\nBackground:\n" + kPara1);
}

TEST_CASE("A table that closes the article is kept whole", "[html][content]") {
  const std::string page =
      "<html><head><title>Ferry service grows</title></head><body><h1>Ferry service grows</h1>"
      "<div class=\"story\">" +
      article_paragraphs() +
      "<table><tr><td>North pier</td><td>every 20 minutes</td></tr>"
      "<tr><td>Old harbour</td><td>every 30 minutes</td></tr></table></div>"
      "<div><ul><li><a href=\"/a\">Home</a></li><li><a href=\"/b\">Sport</a></li></ul></div>"
      "</body></html>";
  const Extraction e = extract_html(page);
  REQUIRE(e.has_text);
  CHECK(e.article.body ==
        expected_body() + "\nNorth pier\nevery 20 minutes\nOld harbour\nevery 30 minutes");
}

namespace {

// A consent dialog worded so that no stock cookie phrase matches: only its vocabulary (consent,
// privacy, personal data, tracking) gives it away. Longer than a short article.
std::string consent_dialog() {
  return "<div><p>Your privacy matters to us. With your consent, we and our partners store "
         "and read information on your device, such as cookies and unique identifiers, and "
         "process personal data for tracking, measurement and advertising.</p>"
         "<p>Audience measurement: to compile statistics on how often the site is visited and "
         "which of its pages are read most, so that we can improve them for all readers.</p>"
         "<p>Sharing with social networks: to let you share what you read on the networks and "
         "other platforms that are present on our site, with their own terms.</p>"
         "<p>By clicking on Accept all, you give your consent to the use of these trackers for "
         "the purposes described above. By clicking on Refuse all, you refuse your consent, "
         "and only the trackers that are strictly necessary for the site to work are used.</p>"
         "<p>You can withdraw your consent at any time from the privacy settings at the bottom "
         "of every page. More about the processing of personal data and your rights is in our "
         "privacy policy, which also lists every partner and the tracking each of them "
         "does.</p></div>";
}

}  // namespace

TEST_CASE("A consent dialog that outweighs a short article is not taken for it",
          "[html][content]") {
  const std::string page =
      "<html><head><title>Ferry service grows</title></head><body>"
      "<h1>Ferry service grows</h1><div><p>" +
      kPara1 + "</p><p>" + kPara2 + "</p></div>" + consent_dialog() + "</body></html>";
  const Extraction e = extract_html(page);
  REQUIRE(e.has_text);
  CHECK(e.article.body == kPara1 + "\n" + kPara2);
}

TEST_CASE("A consent dialog inside the article's container is left out", "[html][content]") {
  const std::string page =
      "<html><head><title>Council expands harbour ferry service</title></head><body>"
      "<article><h1>Council expands harbour ferry service</h1><div>" +
      article_paragraphs() + consent_dialog() + "</div></article></body></html>";
  const Extraction e = extract_html(page);
  REQUIRE(e.has_text);
  CHECK(e.article.body == expected_body());
}

TEST_CASE("An article about privacy is kept whole", "[html][content]") {
  // As dense in notice vocabulary as the dialogs, but the article under the headline.
  const std::string p1 =
      "The data protection authority ruled on Monday that the ferry operator's app tracked "
      "passengers without valid consent, and that its cookie banner did not let them refuse "
      "the tracking as easily as they could accept it.";
  const std::string p2 =
      "Under the GDPR, consent to the processing of personal data must be freely given, the "
      "authority said, and a privacy policy that lists dozens of partners does not make the "
      "tracking lawful on its own.";
  const std::string p3 =
      "The operator said it would appeal, and that it had already changed the consent dialog "
      "of its app so that refusing takes a single tap, as the regulator asked last year.";
  const std::string page =
      "<html><head><title>Ferry app broke privacy rules</title></head><body>"
      "<h1>Ferry app broke privacy rules</h1><div><p>" +
      p1 + "</p><p>" + p2 + "</p><p>" + p3 + "</p></div></body></html>";
  const Extraction e = extract_html(page);
  REQUIRE(e.has_text);
  CHECK(e.article.body == p1 + "\n" + p2 + "\n" + p3);
}

TEST_CASE("A sign-up form is no article text; a form that wraps the page is", "[html][content]") {
  // The sign-up form's explanations outweigh a two-paragraph article.
  const std::string signup =
      "<form action=\"/subscribe\"><h3>Stay informed</h3>"
      "<div><label><input type=\"checkbox\"> Receive the weekly letter with the news of the "
      "association and its calls to action, two or three mails a month at most.</label></div>"
      "<div><label><input type=\"checkbox\"> Receive news of local events organised by the "
      "group nearest to where you live, and of the meetings it holds every month.</label></div>"
      "<div><input type=\"email\" placeholder=\"Email\"><input type=\"submit\" value=\"OK\"></div>"
      "<p>By filling in this form you will be added to our mailing list. You can leave it at "
      "any time with the link at the bottom of every letter we send, and we will never share "
      "your address with anybody else for any reason whatsoever.</p></form>";
  const std::string short_article =
      "<html><head><title>Ferry service grows</title></head><body>"
      "<h1>Ferry service grows</h1><div><p>" +
      kPara1 + "</p><p>" + kPara2 + "</p></div>" + signup + "</body></html>";
  Extraction e = extract_html(short_article);
  REQUIRE(e.has_text);
  CHECK(e.article.body == kPara1 + "\n" + kPara2);

  // An ASP.NET page: one form around the whole page, the article in it.
  const std::string wrapped =
      "<html><head><title>Ferry service grows</title></head><body>"
      "<form id=\"aspnetForm\" method=\"post\"><input type=\"hidden\" name=\"__VIEWSTATE\">"
      "<h1>Ferry service grows</h1><div>" +
      article_paragraphs() + "</div></form></body></html>";
  e = extract_html(wrapped);
  REQUIRE(e.has_text);
  CHECK(e.article.body == expected_body());
}
