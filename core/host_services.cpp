// Diagnostics on stderr and lazily loaded fetching.
#include <unistd.h>

#include <exception>

#include "castkit/plugin.hpp"
#include "host_services.hpp"

namespace castkit::host {
namespace {

void print_line(std::string line) {
  line += '\n';
  std::string_view rest = line;
  while (!rest.empty()) {
    ssize_t n = ::write(STDERR_FILENO, rest.data(), rest.size());
    if (n <= 0) return;
    rest.remove_prefix(static_cast<std::size_t>(n));
  }
}

/// Runs a call into the network library; anything but castkit::Error becomes an I/O error.
template <class Call>
auto network_call(Call&& call) -> decltype(call()) {
  try {
    return call();
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    throw Error(ErrorKind::io,
                Diagnostic{Severity::error, {}, 0, 0, std::string("network library: ") + e.what()});
  }
}

}  // namespace

void HostServices::report(const Diagnostic& diagnostic) {
  if (verbosity_ == Verbosity::quiet && diagnostic.severity != Severity::error) return;
  if (holding_)
    held_.push_back(diagnostic);
  else
    print_line(format_diagnostic(diagnostic));
}

void HostServices::release_diagnostics(bool print) {
  holding_ = false;
  if (print)
    for (const Diagnostic& diagnostic : held_) print_line(format_diagnostic(diagnostic));
  held_.clear();
}

void HostServices::input_consumed(const Input& input, std::size_t offset) {
  if (attached_input_ && input.bytes.data() == attached_input_->bytes().data())
    attached_input_->release_before(offset);
}

void HostServices::log(LogLevel level, std::string_view message) {
  if (level == LogLevel::warning ? verbosity_ == Verbosity::quiet
                                 : verbosity_ != Verbosity::verbose)
    return;
  print_line(std::string(level == LogLevel::warning ? "castkit: warning: " : "castkit: ") +
             std::string(message));
}

net::Fetcher& HostServices::fetcher() {
  if (!fetcher_) {
    log(LogLevel::debug, "loading the network library");
    fetcher_ = network_call([&] { return net::load_fetcher(fetch_options_); });
  }
  return *fetcher_;
}

FetchResponse HostServices::fetch(const FetchRequest& request) {
  log(LogLevel::debug, "fetching " + request.url);
  net::Fetcher& f = fetcher();
  return network_call([&] { return f.fetch(request); });
}

std::vector<FetchResponse> HostServices::fetch_all(const std::vector<FetchRequest>& requests) {
  if (requests.empty()) return {};
  net::Fetcher& f = fetcher();
  return network_call([&] { return f.fetch_all(requests); });
}

}  // namespace castkit::host
