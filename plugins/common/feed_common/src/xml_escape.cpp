// Well-formed XML text whatever the input: one pass over the bytes (see xml_scan.hpp), runs of
// plain bytes copied in bulk.
#include "castkit/feed/xml_escape.hpp"

#include "xml_scan.hpp"

namespace castkit::feed {
namespace {

using namespace xml_scan;

// The contexts: element text, attribute values, CDATA, and xml_safe's controls only.
constexpr Context text_context = make_context("&<>", false);
constexpr Context attribute_context = make_context("&<>\"", true);
constexpr Context cdata_context = make_context("]", false);
constexpr Context controls_context = make_context("", false);

constexpr std::string_view replacement_character = "\xEF\xBF\xBD";

/// The rest of escape() from `p`, the first byte that is not plain, on: copies the plain runs,
/// calls `replace(out, p, end)` for each special byte (which returns how many bytes it consumed)
/// and fixes bad UTF-8.
template <const Context& context, typename Replace>
[[gnu::noinline]] void escape_from(AppendBuffer& out, const unsigned char* begin,
                                   const unsigned char* p, const unsigned char* end,
                                   Replace replace) {
  const auto* run = begin;
  auto flush = [&] {
    out.put_run(
        std::string_view(reinterpret_cast<const char*>(run), static_cast<std::size_t>(p - run)));
  };
  do {
    if (context.table[*p] == multibyte) {
      if (std::size_t len = xml_utf8_length(p, end)) {
        p += len;
        continue;
      }
      flush();
      // An invalid sequence or a forbidden non-character: U+FFFE/U+FFFF are dropped, other
      // invalid bytes become U+FFFD one byte at a time.
      bool noncharacter = end - p >= 3 && p[0] == 0xEF && p[1] == 0xBF && (p[2] & 0xFE) == 0xBE;
      if (noncharacter) {
        p += 3;
      } else {
        out.put(replacement_character);
        ++p;
      }
    } else {
      flush();
      p += replace(out, p, end);
    }
    run = p;
  } while ((p = next_to_look_at<context>(begin, p, end)) != end);
  flush();
}

/// Copies `text` to `out` as `context` wants it: in one piece when no byte needs a look (the
/// common case), else by escape_from.
template <const Context& context, typename Replace>
[[gnu::always_inline]] inline void escape(AppendBuffer& out, std::string_view text,
                                          Replace replace) {
  const auto* begin = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = begin + text.size();
  const auto* p = next_to_look_at<context>(begin, begin, end);
  if (p == end)
    out.put_run(text);
  else
    escape_from<context>(out, begin, p, end, replace);
}

/// Replacement for a special byte in element text or an attribute; controls XML forbids vanish.
std::size_t replace_markup(AppendBuffer& out, const unsigned char* p, const unsigned char*) {
  switch (*p) {
    case '&':
      out.put("&amp;");
      break;
    case '<':
      out.put("&lt;");
      break;
    case '>':
      out.put("&gt;");
      break;
    case '"':
      out.put("&quot;");
      break;
    case '\t':
      out.put("&#9;");
      break;
    case '\n':
      out.put("&#10;");
      break;
    case '\r':
      out.put("&#13;");
      break;
    default:
      break;  // a C0 control XML 1.0 cannot hold: dropped
  }
  return 1;
}

/// Replacement for a special byte inside CDATA: `]]>` and CR end the section for a moment.
std::size_t replace_in_cdata(AppendBuffer& out, const unsigned char* p, const unsigned char* end) {
  if (*p == ']') {
    if (end - p >= 3 && p[1] == ']' && p[2] == '>') {
      out.put("]]]]><![CDATA[>");  // ends the section between "]]" and ">", then starts another
      return 3;
    }
    out.put(']');
  } else if (*p == '\r') {
    out.put("]]>&#13;<![CDATA[");
  }
  return 1;  // other controls: dropped
}

/// Replacement for a special byte in xml_safe: CR stays, other controls vanish.
std::size_t keep_carriage_return(AppendBuffer& out, const unsigned char* p, const unsigned char*) {
  if (*p == '\r') out.put('\r');
  return 1;
}

}  // namespace

void append_xml_text(AppendBuffer& out, std::string_view text) {
  escape<text_context>(out, text, replace_markup);
}

void append_xml_text(std::string& out, std::string_view text) {
  AppendBuffer buffer(out, text.size());
  append_xml_text(buffer, text);
}

void append_xml_attribute(AppendBuffer& out, std::string_view text) {
  escape<attribute_context>(out, text, replace_markup);
}

void append_xml_attribute(std::string& out, std::string_view text) {
  AppendBuffer buffer(out, text.size());
  append_xml_attribute(buffer, text);
}

void append_cdata(AppendBuffer& out, std::string_view text) {
  out.put("<![CDATA[");
  escape<cdata_context>(out, text, replace_in_cdata);
  out.put("]]>");
}

void append_cdata(std::string& out, std::string_view text) {
  AppendBuffer buffer(out, text.size() + 12);
  append_cdata(buffer, text);
}

std::string xml_safe(std::string_view text) {
  std::string out;
  {
    AppendBuffer buffer(out, text.size());
    escape<controls_context>(buffer, text, keep_carriage_return);
  }
  return out;
}

}  // namespace castkit::feed
