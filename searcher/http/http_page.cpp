// The search page and its files, embedded in the program.
#include "http_routes.hpp"
#include "web_assets.hpp"

namespace nsearch {

void add_page_routes(httplib::Server& server) {
  for (const WebAsset& asset : web_assets()) {
    const std::string path(asset.path);
    const auto handler = [&asset](const httplib::Request& req, httplib::Response& res) {
      res.set_header("ETag", std::string(asset.etag));
      // Revalidated each time (a new build may change the page), answered 304 when unchanged.
      res.set_header("Cache-Control", "no-cache");
      if (req.get_header_value("If-None-Match") == asset.etag) {
        res.status = 304;
        return;
      }
      res.set_content(asset.body.data(), asset.body.size(),
                      std::string(asset.content_type).c_str());
    };
    server.Get(path, handler);
    if (path == "/") server.Get("/index.html", handler);
  }
}

}  // namespace nsearch
