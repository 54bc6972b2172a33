// nsearch-serve: the HTTP server behind `nsearch serve`. A program of its own so that the
// search command does not load an HTTP stack (cpp-httplib brings OpenSSL, whose start-up
// alone costs more than a whole search).
#include "serve_command.hpp"

int main(int argc, char** argv) {
  return run_serve_command(argc, argv);
}
