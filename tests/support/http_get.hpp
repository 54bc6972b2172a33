// GET a JSON answer from a test server and check its status (test support).
#pragma once

#include <string>

#include <httplib.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

namespace nsearch::test {

/// The body of GET `target`, parsed, after checking that the status is `status`.
inline nlohmann::json get_json_answer(httplib::Client& client, const std::string& target,
                                      int status) {
  const auto r = client.Get(target.c_str());
  REQUIRE(r);
  INFO(target << " -> " << r->status << " " << r->body);
  REQUIRE(r->status == status);
  return nlohmann::json::parse(r->body);
}

}  // namespace nsearch::test
