#include "nsearch/article_format.hpp"

#include <algorithm>
#include <array>

#include <nlohmann/json.hpp>

#include "nsearch/error.hpp"
#include "nsearch/schema.hpp"

namespace nsearch {
namespace {

constexpr std::array<std::string_view, 12> kFields{"id",       "url",  "title",  "title_derived",
                                                   "outlet",   "date", "author", "lang",
                                                   "category", "kind", "body",   "source"};

/// One field's value; empty text is null (unknown).
nlohmann::ordered_json field_value(const Article& a, std::string_view name) {
  const auto text = [](const std::string& value) {
    return value.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(value);
  };
  if (name == "id") return text(a.id);
  if (name == "url") return text(a.url);
  if (name == "title") return text(a.title);
  if (name == "title_derived") return a.title_derived;
  if (name == "outlet") return text(a.outlet);
  if (name == "date") return text(a.date);
  if (name == "author") return text(a.author);
  if (name == "lang") return text(a.lang);
  if (name == "category") return text(a.category);
  if (name == "kind")
    return std::string(schema::canonical_kind(a.kind).value_or(schema::kArticleKind));
  if (name == "body") return text(a.body);
  return text(a.source);
}

std::string dump(const nlohmann::ordered_json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::span<const std::string_view> article_fields() {
  return kFields;
}

std::vector<std::string> parse_article_fields(std::string_view list) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  while (start <= list.size()) {
    const std::size_t end = std::min(list.find(',', start), list.size());
    const std::string_view name = list.substr(start, end - start);
    start = end + 1;
    if (name.empty()) continue;
    if (std::find(kFields.begin(), kFields.end(), name) == kFields.end()) {
      std::string known;
      for (const std::string_view f : kFields)
        known += (known.empty() ? "" : ", ") + std::string(f);
      throw Error(ErrorKind::invalid_argument,
                  "unknown field \"" + std::string(name) + "\" (known: " + known + ")");
    }
    fields.emplace_back(name);
  }
  if (fields.empty()) throw Error(ErrorKind::invalid_argument, "no field named");
  return fields;
}

std::string to_json(const Article& a) {
  nlohmann::ordered_json j;
  for (const std::string_view name : kFields)
    j[std::string(name)] = field_value(a, name);
  return dump(j);
}

std::string to_json(const Article& a, std::span<const std::string> fields) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (const std::string& name : fields)
    j[name] = field_value(a, name);
  return dump(j);
}

std::string to_csv(const Article& a, std::span<const std::string> fields) {
  std::string record;
  for (const std::string& name : fields) {
    if (&name != fields.data()) record += ',';
    const nlohmann::ordered_json value = field_value(a, name);
    const std::string cell = value.is_null()      ? std::string()
                             : value.is_boolean() ? (value.get<bool>() ? "true" : "false")
                                                  : value.get<std::string>();
    if (cell.find_first_of(",\"\r\n") == std::string::npos) {
      record += cell;
      continue;
    }
    record += '"';
    for (const char c : cell) {
      if (c == '"') record += '"';
      record += c;
    }
    record += '"';
  }
  return record;
}

ExportFormat::ExportFormat(std::string_view format, std::string_view fields)
    : csv_(format == "csv"), all_fields_(fields.empty()) {
  if (format != "jsonl" && format != "csv") {
    throw Error(ErrorKind::invalid_argument,
                "unknown format \"" + std::string(format) + "\" (known: jsonl, csv)");
  }
  if (all_fields_) {
    fields_.assign(kFields.begin(), kFields.end());
  } else {
    fields_ = parse_article_fields(fields);
  }
}

std::string ExportFormat::header() const {
  if (!csv_) return {};
  std::string line;
  for (const std::string& name : fields_)
    line += (line.empty() ? "" : ",") + name;
  return line + "\r\n";
}

std::string ExportFormat::record(const Article& article) const {
  if (csv_) return to_csv(article, fields_) + "\r\n";
  return (all_fields_ ? to_json(article) : to_json(article, fields_)) + '\n';
}

std::string_view ExportFormat::content_type() const {
  return csv_ ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";
}

void write_text(std::ostream& out, const Article& a) {
  auto field = [&out](const char* name, const std::string& value) {
    out << name << (value.empty() ? "(none)" : value) << "\n";
  };
  field("source:   ", a.source);
  field("id:       ", a.id);
  field("title:    ", a.title_derived ? a.title + " (derived from the body)" : a.title);
  field("outlet:   ", a.outlet);
  field("date:     ", a.date);
  field("author:   ", a.author);
  field("url:      ", a.url);
  field("lang:     ", a.lang);
  field("category: ", a.category);
  field("kind:     ", std::string(schema::canonical_kind(a.kind).value_or(schema::kArticleKind)));
  out << "\n" << a.body << "\n";
}

}  // namespace nsearch
