// The host services plugins get through castkit::Host: diagnostics, logging and fetching.
#pragma once

#include <memory>
#include <optional>

#include "castkit/host.hpp"
#include "net/fetcher.hpp"

namespace castkit::host {

/// How much the host prints on stderr.
enum class Verbosity { quiet, normal, verbose };

/// Prints diagnostics and log lines on stderr and fetches through castkit-net.so, which is
/// loaded the first time something is fetched (so runs on local files never load libcurl).
class HostServices final : public Host {
 public:
  /// A host printing at `verbosity`.
  explicit HostServices(Verbosity verbosity) : verbosity_(verbosity) {}

  /// Sets how fetching behaves; takes effect when the network library is first loaded.
  void set_fetch_options(const net::FetchOptions& options) { fetch_options_ = options; }
  /// The fetch options in effect.
  const net::FetchOptions& fetch_options() const { return fetch_options_; }
  /// How much is printed.
  Verbosity verbosity() const { return verbosity_; }

  void report(const Diagnostic& diagnostic) override;
  void log(LogLevel level, std::string_view message) override;
  FetchResponse fetch(const FetchRequest& request) override;
  std::vector<FetchResponse> fetch_all(const std::vector<FetchRequest>& requests) override;

 private:
  net::Fetcher& fetcher();

  Verbosity verbosity_;
  net::FetchOptions fetch_options_;
  std::unique_ptr<net::Fetcher> fetcher_;
};

}  // namespace castkit::host
