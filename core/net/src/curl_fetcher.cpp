#include "curl_fetcher.hpp"

#include <algorithm>
#include <cstring>
#include <mutex>
#include <optional>
#include <thread>

#include <curl/curl.h>

#include "castkit/version.hpp"
#include "progress_bar.hpp"
#include "retry_policy.hpp"
#include "url.hpp"

namespace castkit::net {

/// One request's state while it runs.
struct CurlFetcher::Job {
  FetchRequest request;
  std::string host;                      ///< for per-host limits; empty when the URL is bad
  std::optional<CachedResponse> cached;  ///< what the cache holds, revalidated when online
  int attempt = 0;                       ///< retries so far
  Clock::time_point not_before{};        ///< earliest start (backoff)
  enum class State { waiting, running, done } state = State::waiting;

  CURL* easy = nullptr;
  curl_slist* headers = nullptr;
  std::string body;                 ///< body of the current attempt
  std::string etag, last_modified;  ///< validators of the last response seen
  bool too_large = false;           ///< the body passed max_body_bytes
  std::uint64_t max_body_bytes = 0;
  char error_buffer[CURL_ERROR_SIZE] = {};

  FetchResponse response;  ///< the result when done without error
  std::string error;       ///< why it failed, when it did
};

namespace {

using Job = CurlFetcher::Job;

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto& job = *static_cast<Job*>(user);
  const std::size_t bytes = size * count;
  if (job.body.size() + bytes > job.max_body_bytes) {
    job.too_large = true;
    return 0;  // makes libcurl stop with CURLE_WRITE_ERROR
  }
  job.body.append(data, bytes);
  return bytes;
}

/// The value of header `name` in `line` ("Name: value\r\n"), if the line is that header.
std::optional<std::string> header_value(std::string_view line, std::string_view name) {
  if (line.size() <= name.size() || line[name.size()] != ':') return std::nullopt;
  for (std::size_t i = 0; i < name.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(line[i])) != name[i]) return std::nullopt;
  std::string_view value = line.substr(name.size() + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' '))
    value.remove_suffix(1);
  return std::string(value);
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto& job = *static_cast<Job*>(user);
  const std::string_view line(data, size * count);
  if (line.starts_with("HTTP/")) {  // a new response (after a redirect): forget the last one's
    job.etag.clear();
    job.last_modified.clear();
  } else if (auto etag = header_value(line, "etag")) {
    job.etag = *etag;
  } else if (auto modified = header_value(line, "last-modified")) {
    job.last_modified = *modified;
  }
  return size * count;
}

FetchResponse from_cache(const std::string& url, const CachedResponse& cached) {
  return FetchResponse{url, cached.final_url, cached.status, cached.content_type, cached.body,
                       true};
}

std::string transport_error(const Job& job, CURLcode code, const FetchOptions& options) {
  switch (code) {
    case CURLE_TOO_MANY_REDIRECTS:
      return "more than " + std::to_string(options.max_redirects) + " redirects (a redirect loop?)";
    case CURLE_FILESIZE_EXCEEDED:
      return "the response is larger than fetch.max_body_bytes (" +
             std::to_string(options.max_body_bytes) + " bytes)";
    case CURLE_UNSUPPORTED_PROTOCOL:
      return "redirected to a URL that is not http or https";
    case CURLE_OPERATION_TIMEDOUT:
      return std::string(job.error_buffer[0] ? job.error_buffer : "timed out") +
             " (fetch.connect_timeout_ms " + std::to_string(options.connect_timeout_ms) +
             ", fetch.timeout_ms " + std::to_string(options.total_timeout_ms) + ")";
    default:
      if (code == CURLE_WRITE_ERROR && job.too_large)
        return transport_error(job, CURLE_FILESIZE_EXCEEDED, options);
      return job.error_buffer[0] ? job.error_buffer : curl_easy_strerror(code);
  }
}

bool is_retryable_transport(CURLcode code) {
  return code == CURLE_COULDNT_CONNECT || code == CURLE_GOT_NOTHING || code == CURLE_RECV_ERROR ||
         code == CURLE_SEND_ERROR || code == CURLE_PARTIAL_FILE;
}

void initialise_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace

CurlFetcher::CurlFetcher(FetchOptions options)
    : options_(std::move(options)),
      cache_(!options_.use_cache          ? std::filesystem::path()
             : options_.cache_dir.empty() ? HttpCache::default_directory()
                                          : std::filesystem::path(options_.cache_dir)) {
  initialise_curl_once();
  multi_ = curl_multi_init();
  if (!multi_) throw std::runtime_error("curl_multi_init failed");
  curl_multi_setopt(multi_, CURLMOPT_MAX_HOST_CONNECTIONS,
                    static_cast<long>(options_.max_connections_per_host));
  curl_multi_setopt(multi_, CURLMOPT_MAX_TOTAL_CONNECTIONS,
                    static_cast<long>(options_.max_connections));
}

CurlFetcher::~CurlFetcher() {
  curl_multi_cleanup(multi_);
}

FetchResponse CurlFetcher::fetch(const FetchRequest& request) {
  std::vector<Job> jobs(1);
  jobs[0].request = request;
  run(jobs, false);
  if (!jobs[0].error.empty())
    throw Error(ErrorKind::io, Diagnostic{Severity::error, request.url, 0, 0, jobs[0].error});
  return std::move(jobs[0].response);
}

std::vector<FetchResponse> CurlFetcher::fetch_all(const std::vector<FetchRequest>& requests) {
  std::vector<Job> jobs(requests.size());
  for (std::size_t i = 0; i < requests.size(); ++i) jobs[i].request = requests[i];
  run(jobs, options_.progress);
  std::vector<FetchResponse> out;
  out.reserve(jobs.size());
  for (Job& job : jobs) {
    if (job.error.empty()) {
      out.push_back(std::move(job.response));
    } else {
      FetchResponse failed;
      failed.url = job.request.url;
      failed.body = job.request.url + ": " + job.error;
      out.push_back(std::move(failed));
    }
  }
  return out;
}

void CurlFetcher::run(std::vector<Job>& jobs, bool show_progress) {
  std::size_t done = 0;
  std::uint64_t bytes = 0;
  ProgressBar progress(jobs.size(), show_progress);
  auto mark_done = [&](Job& job) {
    job.state = Job::State::done;
    ++done;
    bytes += job.response.body.size();
    progress.update(done, bytes);
  };

  // Check every URL and answer what the cache can before touching the network.
  for (Job& job : jobs) {
    try {
      job.host = parse_http_url(job.request.url).host;
    } catch (const Error& bad_url) {
      job.error = bad_url.diagnostic().message;
      mark_done(job);
      continue;
    }
    job.cached = cache_.load(job.request.url);
    if (!options_.offline) continue;
    if (job.cached)
      job.response = from_cache(job.request.url, *job.cached);
    else
      job.error = "not in the cache and fetching is off (--offline); cache: " +
                  (cache_.directory().empty() ? std::string("none") : cache_.directory().string());
    mark_done(job);
  }

  while (done < jobs.size()) {
    const Clock::time_point now = Clock::now();
    std::optional<Clock::time_point> next_start;
    for (Job& job : jobs) {
      if (job.state != Job::State::waiting) continue;
      const Clock::time_point polite =
          last_start_by_host_.count(job.host)
              ? last_start_by_host_[job.host] +
                    std::chrono::milliseconds(options_.politeness_delay_ms)
              : Clock::time_point{};
      const Clock::time_point ready = std::max(job.not_before, polite);
      if (ready > now) {
        next_start = next_start ? std::min(*next_start, ready) : ready;
        continue;
      }
      if (running_ >= options_.max_connections ||
          running_by_host_[job.host] >= options_.max_connections_per_host)
        continue;
      start(job);
    }

    int still_running = 0;
    curl_multi_perform(multi_, &still_running);
    int queued = 0;
    while (CURLMsg* message = curl_multi_info_read(multi_, &queued)) {
      if (message->msg != CURLMSG_DONE) continue;
      Job* job = nullptr;
      curl_easy_getinfo(message->easy_handle, CURLINFO_PRIVATE, reinterpret_cast<char**>(&job));
      finish(*job, message->data.result);
      if (job->state == Job::State::done) mark_done(*job);
    }
    if (done == jobs.size()) break;

    long wait_ms = 1000;
    if (next_start)
      wait_ms = std::clamp<long>(
          static_cast<long>(
              std::chrono::duration_cast<std::chrono::milliseconds>(*next_start - Clock::now())
                  .count()),
          0, 1000);
    if (running_ > 0)
      curl_multi_poll(multi_, nullptr, 0, static_cast<int>(wait_ms), nullptr);
    else
      std::this_thread::sleep_for(std::chrono::milliseconds(wait_ms));
  }
}

void CurlFetcher::start(Job& job) {
  job.state = Job::State::running;
  job.body.clear();
  job.etag.clear();
  job.last_modified.clear();
  job.too_large = false;
  job.max_body_bytes = options_.max_body_bytes;
  job.error_buffer[0] = '\0';

  CURL* easy = curl_easy_init();
  job.easy = easy;
  static const std::string user_agent = "castkit/" CASTKIT_VERSION_STRING;
  curl_easy_setopt(easy, CURLOPT_URL, job.request.url.c_str());
  curl_easy_setopt(easy, CURLOPT_PRIVATE, &job);
  curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, job.error_buffer);
  curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(easy, CURLOPT_MAXREDIRS, static_cast<long>(options_.max_redirects));
  curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, options_.connect_timeout_ms);
  curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, options_.total_timeout_ms);
  curl_easy_setopt(easy, CURLOPT_MAXFILESIZE_LARGE,
                   static_cast<curl_off_t>(options_.max_body_bytes));
  curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "");  // every encoding libcurl decodes
  curl_easy_setopt(easy, CURLOPT_USERAGENT, user_agent.c_str());
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, &job);
  curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(easy, CURLOPT_HEADERDATA, &job);

  if (!job.request.accept.empty())
    job.headers = curl_slist_append(job.headers, ("Accept: " + job.request.accept).c_str());
  if (job.cached && !job.cached->etag.empty())
    job.headers = curl_slist_append(job.headers, ("If-None-Match: " + job.cached->etag).c_str());
  if (job.cached && !job.cached->last_modified.empty())
    job.headers =
        curl_slist_append(job.headers, ("If-Modified-Since: " + job.cached->last_modified).c_str());
  if (job.headers) curl_easy_setopt(easy, CURLOPT_HTTPHEADER, job.headers);

  curl_multi_add_handle(multi_, easy);
  last_start_by_host_[job.host] = Clock::now();
  ++running_by_host_[job.host];
  ++running_;
}

void CurlFetcher::finish(Job& job, int curl_code) {
  const auto code = static_cast<CURLcode>(curl_code);
  long status = 0;
  curl_easy_getinfo(job.easy, CURLINFO_RESPONSE_CODE, &status);
  char* effective_url = nullptr;
  curl_easy_getinfo(job.easy, CURLINFO_EFFECTIVE_URL, &effective_url);
  char* content_type = nullptr;
  curl_easy_getinfo(job.easy, CURLINFO_CONTENT_TYPE, &content_type);
  curl_off_t retry_after = 0;
  curl_easy_getinfo(job.easy, CURLINFO_RETRY_AFTER, &retry_after);
  const std::string final_url = effective_url ? effective_url : job.request.url;
  const std::string type = content_type ? content_type : "";
  const std::string error = code == CURLE_OK ? std::string() : transport_error(job, code, options_);

  curl_multi_remove_handle(multi_, job.easy);
  curl_easy_cleanup(job.easy);
  job.easy = nullptr;
  curl_slist_free_all(job.headers);
  job.headers = nullptr;
  --running_;
  --running_by_host_[job.host];

  const bool retryable =
      code == CURLE_OK ? is_retryable_status(status) : is_retryable_transport(code);
  if (retryable && job.attempt < options_.max_retries) {
    if (auto delay = retry_delay_ms(options_, job.attempt, retry_after)) {
      ++job.attempt;
      job.not_before = Clock::now() + std::chrono::milliseconds(*delay);
      job.state = Job::State::waiting;
      return;
    }
  }
  job.state = Job::State::done;
  if (code != CURLE_OK) {
    job.error = error;
    if (job.attempt > 0) job.error += " (after " + std::to_string(job.attempt + 1) + " attempts)";
    return;
  }
  if (status == 304 && job.cached) {
    job.response = from_cache(job.request.url, *job.cached);
    return;
  }
  job.response =
      FetchResponse{job.request.url, final_url, status, type, std::move(job.body), false};
  if (status >= 200 && status < 300)
    cache_.store(job.request.url, CachedResponse{final_url, status, type, job.etag,
                                                 job.last_modified, job.response.body});
}

}  // namespace castkit::net
