// castkit JSON -> model, the whole document at once.
#include "model_reader.hpp"

#include "model_fields.hpp"

namespace castkit::json {

void read_model(std::string_view bytes, const std::string& name, Show& show,
                const ReadOptions& options, const WarningSink& warn) {
  // JSON is UTF-8 (RFC 8259); a UTF-8 BOM is skipped, a UTF-16 BOM or a declared encoding is
  // converted first.
  DecodedText decoded;
  std::string_view text = bytes;
  std::size_t padding = options.readable_padding;
  const bool utf16_bom = bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                                               (bytes[0] == '\xFE' && bytes[1] == '\xFF'));
  if (utf16_bom || !options.encoding.empty()) {
    decoded = decode_to_utf8(bytes, options.encoding, name);
    text = decoded.text();
    padding = 0;
  } else if (text.starts_with("\xEF\xBB\xBF")) {
    text.remove_prefix(3);
  }
  ModelReader reader(name, options, warn);
  reader.parse_document(text, padding);
  reader.read(show);
}

}  // namespace castkit::json
