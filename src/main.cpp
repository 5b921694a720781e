// restage: rewrites single-stage Dockerfiles into lean multi-stage builds.
#include "cli/app.hpp"

int main(int argc, char** argv) { return restage::cli::main(argc, argv); }
