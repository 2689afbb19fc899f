// castkit SDK: the plugin contract.
//
// A plugin is a shared library with ONE extern "C" entry point, castkit_plugin_entry_v1(), that
// returns a plain descriptor (see CASTKIT_PLUGIN below). The host checks the descriptor's magic,
// size, ABI version and build tag before any C++ object crosses, then calls its registration
// function, which adds factories by format name. One library may register several formats.
//
// Errors: plugin code reports expected failures by throwing castkit::Error (bad input with
// file:line:col, bad options, I/O). The host catches everything a plugin throws and reports it
// as `plugin <name> (<file>): <what>`; the host survives.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "castkit/config_view.hpp"
#include "castkit/host.hpp"
#include "castkit/model.hpp"
#include "castkit/version.hpp"

namespace castkit {

/// One input handed to an importer: its bytes (read once by the host) and where they came from.
struct Input {
  std::string name;        ///< path, URL or "-" for stdin; used in diagnostics
  std::string_view bytes;  ///< the whole input, as read
  std::string url;         ///< the URL it was fetched from (after redirects), empty for files
  std::string media_type;  ///< Content-Type when fetched, empty otherwise
  std::string encoding;    ///< --input-encoding / config; empty: detect (BOM, UTF-8)
  /// How many bytes after the end of `bytes` may be read (they are zeros), e.g. for parsers
  /// that read past the end in blocks (simdjson needs SIMDJSON_PADDING = 64).
  std::size_t readable_padding = 0;
  /// How many other inputs are read into the same model with this one, 0 when it is read alone
  /// (ABI 1.2): e.g. a page importer asks for a transcript only when it has no company.
  std::size_t other_inputs = 0;
};

/// What every plugin call gets: host services and the plugin's configuration.
struct Context {
  Host& host;          ///< diagnostics, fetch, logging
  ConfigView options;  ///< this format's own section (`formats.<name>` + --set overrides)
  ConfigView project;  ///< the whole project configuration, read-only
};

/// Reads one input format into the model.
class Importer {
 public:
  virtual ~Importer() = default;
  /// Reads `input` into `show`: fills show fields and adds (or fills) episodes.
  /// Throws castkit::Error(ErrorKind::input) with a position when the input is unusable.
  virtual void read(const Input& input, Show& show, Context& context) = 0;
};

/// What an exporter is asked to write.
struct ExportRequest {
  const Show& show;         ///< the whole model
  const Episode* episode;   ///< the episode for episode-level formats (nullptr for show-level)
  std::string output_name;  ///< path or "-", for messages
};

/// Writes the model (or one episode of it) in one output format.
class Exporter {
 public:
  virtual ~Exporter() = default;
  /// Appends the output bytes to `out`.
  virtual void write(const ExportRequest& request, std::string& out, Context& context) = 0;
};

/// Checks an input against its format's rules (e.g. a feed against Apple's and Podcasting 2.0's
/// requirements) and reports every finding through Host::report, with positions.
class Checker {
 public:
  virtual ~Checker() = default;
  /// Reports findings; returns the number of errors found (warnings do not count).
  virtual int check(const Input& input, Context& context) = 0;
};

/// Changes the model between import and export (like a pandoc filter).
class Transform {
 public:
  virtual ~Transform() = default;
  /// Applies the transform to `show` in place; `context.options` holds its settings.
  virtual void apply(Show& show, Context& context) = 0;
};

/// How sure an importer is that it can read an input: 0 = no, 100 = certain.
using Confidence = int;

/// A command-line option a format accepts: `--<name> VALUE` (or `--<name>` alone for a flag)
/// sets the configuration key `key` (a dotted path, e.g. "formats.html.site" or
/// "subtitles.max_line_chars") for the run, like `--set key=VALUE` does.
struct OptionSpec {
  std::string name;         ///< option name without the dashes, e.g. "site"
  std::string key;          ///< dotted configuration path it sets
  std::string help;         ///< one line for --help
  bool takes_value = true;  ///< false: a flag that sets the key to "true"
};

/// An importer a plugin offers. The extensions, MIME types and signatures are stored in the
/// host's registry cache so the host can pick candidates without loading every plugin.
struct ImporterSpec {
  std::string format;                    ///< format name, e.g. "srt"
  std::string description;               ///< one line for `castkit formats`
  std::vector<std::string> extensions;   ///< file name endings without the dot, e.g. {"srt"}
  std::vector<std::string> media_types;  ///< MIME types, e.g. {"application/x-subrip"}
  std::vector<std::string> signatures;   ///< byte strings that may appear in the first 4 KiB
  std::vector<OptionSpec> options;       ///< command-line options it reads
  Confidence (*probe)(const Input& input) = nullptr;  ///< looks at the bytes, cheaply
  std::unique_ptr<Importer> (*create)() = nullptr;    ///< makes an importer
};

/// Whether an exporter writes the whole show or one episode.
enum class ExportScope { show, episode };

/// What a written file is to a feed: linked as podcast:chapters, as podcast:transcript, or not.
enum class LinkRole { none, chapters, transcript, captions };

/// An exporter a plugin offers.
struct ExporterSpec {
  std::string format;                        ///< format name, e.g. "vtt"
  std::string description;                   ///< one line for `castkit formats`
  std::string extension;                     ///< default file name ending, without the dot
  std::string media_type;                    ///< MIME type of the output
  ExportScope scope = ExportScope::episode;  ///< show- or episode-level
  LinkRole link_role = LinkRole::none;       ///< how `castkit build` links the file from a feed
  std::vector<OptionSpec> options;           ///< command-line options it reads
  std::unique_ptr<Exporter> (*create)() = nullptr;  ///< makes an exporter
};

/// A transform a plugin offers.
struct TransformSpec {
  std::string name;                                  ///< transform name, e.g. "offset"
  std::string description;                           ///< one line for `castkit formats`
  std::vector<OptionSpec> options;                   ///< command-line options it reads
  std::unique_ptr<Transform> (*create)() = nullptr;  ///< makes a transform
};

/// A checker a plugin offers (`castkit lint`).
struct CheckerSpec {
  std::string format;                              ///< the input format it checks, e.g. "rss"
  std::string description;                         ///< one line for `castkit formats`
  std::unique_ptr<Checker> (*create)() = nullptr;  ///< makes a checker
};

/// What a plugin's registration function adds its formats to.
class Registrar {
 public:
  virtual ~Registrar() = default;
  /// Offers an importer.
  virtual void add(ImporterSpec spec) = 0;
  /// Offers an exporter.
  virtual void add(ExporterSpec spec) = 0;
  /// Offers a transform.
  virtual void add(TransformSpec spec) = 0;
  /// Offers a checker.
  virtual void add(CheckerSpec spec) = 0;
};

}  // namespace castkit

extern "C" {

/// Identifies a castkit plugin descriptor.
#define CASTKIT_PLUGIN_MAGIC 0x43534B50u /* "CSKP" */

/// The plain descriptor a plugin's entry point returns. Only C types, so the host can check it
/// before trusting any C++ type the plugin was built with.
struct castkit_plugin_descriptor {
  std::uint32_t magic;        ///< CASTKIT_PLUGIN_MAGIC
  std::uint32_t struct_size;  ///< sizeof(castkit_plugin_descriptor) in the plugin's build
  std::uint32_t abi_major;    ///< CASTKIT_ABI_MAJOR the plugin was built with
  std::uint32_t abi_minor;    ///< CASTKIT_ABI_MINOR the plugin was built with
  const char* name;           ///< plugin name, e.g. "srt"
  const char* version;        ///< plugin version, e.g. "1.0.0"
  const char* build_tag;      ///< CASTKIT_BUILD_TAG the plugin was built with
  void (*register_formats)(castkit::Registrar& registrar);  ///< adds the plugin's formats
};

/// The name of the entry point every plugin exports.
#define CASTKIT_PLUGIN_ENTRY_NAME "castkit_plugin_entry_v1"
}

/// Declares the plugin: put once in one source file of the plugin library.
/// `register_fn` is a `void(castkit::Registrar&)` function.
#define CASTKIT_PLUGIN(plugin_name, plugin_version, register_fn)                     \
  extern "C" __attribute__((visibility("default"))) const castkit_plugin_descriptor* \
  castkit_plugin_entry_v1() {                                                        \
    static const castkit_plugin_descriptor descriptor = {                            \
        CASTKIT_PLUGIN_MAGIC, sizeof(castkit_plugin_descriptor),                     \
        CASTKIT_ABI_MAJOR,    CASTKIT_ABI_MINOR,                                     \
        plugin_name,          plugin_version,                                        \
        CASTKIT_BUILD_TAG,    register_fn};                                          \
    return &descriptor;                                                              \
  }
