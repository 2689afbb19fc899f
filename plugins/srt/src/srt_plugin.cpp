// The srt plugin's entry point: registers srt.
#include "castkit_common/subtitle_layout.hpp"
#include "srt_formats.hpp"

namespace {

void register_srt_formats(castkit::Registrar& registrar) {
  using namespace castkit;
  registrar.add(ImporterSpec{
      .format = "srt",
      .description = "SubRip subtitles (tolerant like ffmpeg and VLC)",
      .extensions = {"srt"},
      .media_types = {"application/x-subrip", "application/srt", "text/srt"},
      .signatures = {" --> "},
      .options = {{"speakers", "formats.srt.speakers",
                   "speaker labels read from SRT: upper (NAME:), capitalized (Name:) or off"},
                  {"speaker-pattern", "formats.srt.speaker_pattern",
                   "regular expression for an SRT speaker label; group 1 is the name"}},
      .probe = srt::probe_srt,
      .create = srt::make_srt_importer});
  ExporterSpec exporter{
      .format = "srt",
      .description = "SubRip subtitles with speaker labels",
      .extension = "srt",
      .media_type = "application/x-subrip",
      .link_role = LinkRole::captions,
      .options = {{"srt-crlf", "formats.srt.crlf", "write SRT with CRLF line ends", false},
                  {"srt-bom", "formats.srt.bom", "start SRT output with a UTF-8 BOM", false},
                  {"speaker-labels", "formats.srt.speaker_labels",
                   "SRT speaker labels: change (default), every or off"}},
      .create = srt::make_srt_exporter};
  for (OptionSpec& option : layout::option_specs()) exporter.options.push_back(std::move(option));
  registrar.add(std::move(exporter));
}

}  // namespace

CASTKIT_PLUGIN("srt", "1.0.0", register_srt_formats)
