// The host services plugins get through castkit::Host: diagnostics, logging and fetching.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "castkit/host.hpp"
#include "input_buffer.hpp"
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

  /// From now on, keeps diagnostics instead of printing them (a streaming attempt that may be
  /// run again on the whole model must not print its warnings twice).
  void hold_diagnostics() { holding_ = true; }
  /// Stops holding; prints what was held when `print`, else forgets it.
  void release_diagnostics(bool print);

  /// The input whose pages input_consumed() may release (nullptr: none).
  void attach_input(InputBuffer* buffer) { attached_input_ = buffer; }

  void report(const Diagnostic& diagnostic) override;
  void log(LogLevel level, std::string_view message) override;
  FetchResponse fetch(const FetchRequest& request) override;
  std::vector<FetchResponse> fetch_all(const std::vector<FetchRequest>& requests) override;
  void input_consumed(const Input& input, std::size_t offset) override;

 private:
  net::Fetcher& fetcher();

  Verbosity verbosity_;
  bool holding_ = false;
  std::vector<Diagnostic> held_;
  InputBuffer* attached_input_ = nullptr;
  net::FetchOptions fetch_options_;
  std::unique_ptr<net::Fetcher> fetcher_;
};

}  // namespace castkit::host
