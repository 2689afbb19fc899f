// The vtt plugin's entry point: registers vtt and vtt-chapters.
#include "castkit_common/subtitle_layout.hpp"
#include "vtt_formats.hpp"

namespace {

void register_vtt_formats(castkit::Registrar& registrar) {
  using namespace castkit;
  registrar.add(ImporterSpec{.format = "vtt",
                             .description = "WebVTT subtitles and captions (W3C parser algorithm)",
                             .extensions = {"vtt", "webvtt"},
                             .media_types = {"text/vtt"},
                             .signatures = {"WEBVTT"},
                             .probe = vtt::probe_vtt,
                             .create = vtt::make_vtt_importer});
  registrar.add(ImporterSpec{.format = "vtt-chapters",
                             .description = "WebVTT chapters track",
                             .extensions = {"vtt"},
                             .media_types = {"text/vtt"},
                             .signatures = {"WEBVTT"},
                             .probe = vtt::probe_vtt_chapters,
                             .create = vtt::make_vtt_chapters_importer});
  ExporterSpec exporter{
      .format = "vtt",
      .description = "WebVTT subtitles with <v Speaker> voices",
      .extension = "vtt",
      .media_type = "text/vtt",
      .link_role = LinkRole::captions,
      .options = {{"vtt-styles", "formats.vtt.styles",
                   "write STYLE blocks kept from a WebVTT input (true or false)"},
                  {"vtt-regions", "formats.vtt.regions",
                   "write REGION blocks kept from a WebVTT input (true or false)"}},
      .create = vtt::make_vtt_exporter};
  for (OptionSpec& option : layout::option_specs()) exporter.options.push_back(std::move(option));
  registrar.add(std::move(exporter));
  registrar.add(ExporterSpec{.format = "vtt-chapters",
                             .description = "WebVTT chapters track from the episode's chapters",
                             .extension = "chapters.vtt",
                             .media_type = "text/vtt",
                             .create = vtt::make_vtt_chapters_exporter});
}

}  // namespace

CASTKIT_PLUGIN("vtt", "1.0.0", register_vtt_formats)
