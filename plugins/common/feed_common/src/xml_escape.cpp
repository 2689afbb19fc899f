// Well-formed XML text whatever the input: one pass over the bytes, runs of plain bytes copied
// in bulk.
#include "castkit/feed/xml_escape.hpp"

#include <array>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace castkit::feed {
namespace {

/// What a byte needs: nothing, a replacement, or a UTF-8 check.
enum Need : std::uint8_t { plain = 0, special = 1, multibyte = 2 };

/// Byte classes for one output context.
using ByteTable = std::array<Need, 256>;

constexpr ByteTable make_table(std::string_view specials, bool controls_special) {
  ByteTable table{};
  for (int c = 0; c < 0x20; ++c) table[c] = special;
  if (!controls_special) table['\t'] = table['\n'] = plain;
  for (char c : specials) table[static_cast<unsigned char>(c)] = special;
  for (int c = 0x80; c < 0x100; ++c) table[c] = multibyte;
  return table;
}

constexpr ByteTable text_table = make_table("&<>\r", false);
constexpr ByteTable attribute_table = make_table("&<>\"", true);
constexpr ByteTable cdata_table = make_table("]\r", false);

/// The length of the valid UTF-8 sequence XML allows at `p`, or 0.
std::size_t xml_utf8_length(const unsigned char* p, const unsigned char* end) {
  unsigned char c = p[0];
  std::size_t len;
  char32_t cp;
  if ((c & 0xE0) == 0xC0)
    len = 2, cp = c & 0x1F;
  else if ((c & 0xF0) == 0xE0)
    len = 3, cp = c & 0x0F;
  else if ((c & 0xF8) == 0xF0)
    len = 4, cp = c & 0x07;
  else
    return 0;
  if (static_cast<std::size_t>(end - p) < len) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    if ((p[k] & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (p[k] & 0x3F);
  }
  static constexpr char32_t minimum[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < minimum[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  if (cp == 0xFFFE || cp == 0xFFFF) return 0;
  return len;
}

constexpr std::string_view replacement_character = "\xEF\xBF\xBD";

/// The printable ASCII characters a context escapes (controls and non-ASCII bytes always need a
/// look), for the 16-byte scan.
struct Specials {
  char first = 0, second = 0, third = 0, fourth = 0;
};

#if defined(__SSE2__)
/// The bits of the bytes in `bytes` that may need attention.
inline unsigned attention_mask(__m128i bytes, const Specials& specials) {
  const __m128i space = _mm_set1_epi8(0x20);
  // Signed compare: bytes below 0x20 and bytes from 0x80 up are both "less than" 0x20.
  __m128i hit = _mm_cmplt_epi8(bytes, space);
  hit = _mm_or_si128(hit, _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(specials.first)),
                                       _mm_cmpeq_epi8(bytes, _mm_set1_epi8(specials.second))));
  hit = _mm_or_si128(hit, _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(specials.third)),
                                       _mm_cmpeq_epi8(bytes, _mm_set1_epi8(specials.fourth))));
  return static_cast<unsigned>(_mm_movemask_epi8(hit));
}
#endif

/// The first byte in [p, end) that may need attention (a control, a non-ASCII byte or one of
/// `specials`), or `end`. Scans 16 bytes per step with SSE2 (the x86-64 baseline); the last
/// partial block is scanned as a copy padded with spaces, so short strings need one step.
const unsigned char* skip_plain(const unsigned char* p, const unsigned char* end,
                                const Specials& specials) {
#if defined(__SSE2__)
  while (end - p >= 16) {
    unsigned mask = attention_mask(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)), specials);
    if (mask != 0) return p + __builtin_ctz(mask);
    p += 16;
  }
  if (p == end) return end;
  alignas(16) unsigned char block[16];
  std::memset(block, ' ', sizeof block);
  std::memcpy(block, p, static_cast<std::size_t>(end - p));
  unsigned mask = attention_mask(_mm_load_si128(reinterpret_cast<const __m128i*>(block)), specials);
  return mask != 0 ? p + __builtin_ctz(mask) : end;
#else
  (void)specials;
  return p;
#endif
}

/// Copies `text` to `out`, calling `replace(out, p)` for each special byte (which returns how
/// many bytes it consumed) and fixing bad UTF-8.
template <typename Replace>
void escape(std::string& out, std::string_view text, const ByteTable& table,
            const Specials& specials, Replace replace) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  const auto* run = p;
  auto flush = [&] { out.append(reinterpret_cast<const char*>(run), p - run); };
  while (p < end) {
    p = skip_plain(p, end, specials);
    if (p >= end) break;
    Need need = table[*p];
    if (need == plain) {
      ++p;
    } else if (need == multibyte) {
      std::size_t len = xml_utf8_length(p, end);
      if (len) {
        p += len;
      } else {
        flush();
        // An invalid sequence or a forbidden non-character: U+FFFE/U+FFFF are dropped, other
        // invalid bytes become U+FFFD one byte at a time.
        bool noncharacter = end - p >= 3 && p[0] == 0xEF && p[1] == 0xBF && (p[2] & 0xFE) == 0xBE;
        if (noncharacter)
          p += 3;
        else
          out += replacement_character, ++p;
        run = p;
      }
    } else {
      flush();
      p += replace(out, p, end);
      run = p;
    }
  }
  flush();
}

/// Replacement for a special byte in element text or an attribute; controls XML forbids vanish.
std::size_t replace_markup(std::string& out, const unsigned char* p, const unsigned char*) {
  switch (*p) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\t':
      out += "&#9;";
      break;
    case '\n':
      out += "&#10;";
      break;
    case '\r':
      out += "&#13;";
      break;
    default:
      break;  // a C0 control XML 1.0 cannot hold: dropped
  }
  return 1;
}

}  // namespace

void append_xml_text(std::string& out, std::string_view text) {
  escape(out, text, text_table, Specials{'&', '<', '>', '&'}, replace_markup);
}

void append_xml_attribute(std::string& out, std::string_view text) {
  escape(out, text, attribute_table, Specials{'&', '<', '>', '"'}, replace_markup);
}

void append_cdata(std::string& out, std::string_view text) {
  out += "<![CDATA[";
  escape(out, text, cdata_table, Specials{']', ']', ']', ']'},
         [](std::string& o, const unsigned char* p, const unsigned char* end) -> std::size_t {
           if (*p == ']') {
             if (end - p >= 3 && p[1] == ']' && p[2] == '>') {
               o +=
                   "]]]]><![CDATA[>";  // ends the section between "]]" and ">", then starts another
               return 3;
             }
             o += ']';
           } else if (*p == '\r') {
             o += "]]>&#13;<![CDATA[";
           }
           return 1;  // other controls: dropped
         });
  out += "]]>";
}

std::string xml_safe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  constexpr ByteTable controls = make_table("", false);
  escape(out, text, controls, Specials{},
         [](std::string& o, const unsigned char* p, const unsigned char*) -> std::size_t {
           if (*p == '\r') o += '\r';
           return 1;
         });
  return out;
}

}  // namespace castkit::feed
