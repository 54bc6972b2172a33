#include "query/query_fields.hpp"

#include <algorithm>
#include <vector>

#include "nsearch/error.hpp"
#include "nsearch/schema.hpp"
#include "query/query_builder.hpp"
#include "text_util.hpp"

namespace nsearch {

std::string normalise_site(const std::string& value) {
  std::string_view rest = text::trim(value);
  if (const auto scheme_end = rest.find("://"); scheme_end != std::string_view::npos) {
    rest.remove_prefix(scheme_end + 3);
  }
  rest = rest.substr(0, rest.find_first_of("/?#:"));
  while (!rest.empty() && rest.back() == '.')
    rest.remove_suffix(1);
  std::string host = text::lowercase(rest);
  if (host.starts_with("www.")) host.erase(0, 4);
  return host;
}

Xapian::Query SiteFieldProcessor::operator()(const std::string& value) {
  const std::string host = normalise_site(value);
  if (host.empty()) throw Error(ErrorKind::bad_query, "site: needs a host, e.g. site:reuters.com");
  // Hosts are few (one term per site), so a scan for subdomains costs little; indexing every
  // parent domain instead would need the public-suffix list to stop at "co.uk".
  const std::string exact = schema::host_term(host);
  const std::string subdomain_suffix = "." + host;
  const std::string prefix(schema::kHostPrefix);
  std::vector<Xapian::Query> hosts;
  for (auto it = db_.allterms_begin(prefix); it != db_.allterms_end(prefix); ++it) {
    const std::string& term = *it;
    if (term == exact || std::string_view(term).ends_with(subdomain_suffix)) {
      hosts.emplace_back(term);
    }
  }
  if (hosts.empty()) return Xapian::Query(exact);  // matches nothing, but says what was asked
  return Xapian::Query(Xapian::Query::OP_OR, hosts.begin(), hosts.end());
}

Xapian::Query DateFieldProcessor::operator()(const std::string& value) {
  std::string lower = value, upper = value;
  if (const auto dots = value.find(".."); dots != std::string::npos) {
    lower = value.substr(0, dots);
    upper = value.substr(dots + 2);
    if (lower.empty() && upper.empty()) {
      throw Error(ErrorKind::bad_query, "date: range \"..\" has no bounds");
    }
  }
  try {
    const std::string low = lower.empty() ? std::string() : date_lower_key(lower, "date:");
    const std::string high = upper.empty() ? std::string() : date_upper_key(upper, "date:");
    if (high.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kDateSlot, low);
    if (low.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kDateSlot, high);
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot, low, high);
  } catch (const Error& e) {
    throw Error(ErrorKind::bad_query, e.what());
  }
}

Xapian::Query YearFieldProcessor::operator()(const std::string& value) {
  if (value.size() != 4 ||
      !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    throw Error(ErrorKind::bad_query, "year: expects four digits, got \"" + value + "\"");
  }
  return Xapian::Query(schema::year_term(value));
}

Xapian::Query KindFieldProcessor::operator()(const std::string& value) {
  // An empty value would read as an article (the meaning of an empty Article::kind).
  const auto kind = value.empty() ? std::nullopt : schema::canonical_kind(value);
  if (!kind) {
    throw Error(ErrorKind::bad_query, "kind: expects " + std::string(schema::kArticleKind) +
                                          " or " + std::string(schema::kPageKind) + ", got \"" +
                                          value + "\"");
  }
  return Xapian::Query(schema::kind_term(*kind));
}

}  // namespace nsearch
