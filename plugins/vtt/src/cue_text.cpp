// The WebVTT cue text tokenizer and tree builder (w3c/webvtt index.bs, "WebVTT cue text parsing
// rules" and "WebVTT cue text tokenizer").
#include "cue_text.hpp"

#include <cstring>

#include "castkit/html_entities.hpp"
#include "castkit_common/line_scan.hpp"
#include "webvtt_parser.hpp"

namespace castkit::vtt {
namespace {

bool is_ascii_whitespace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

struct Token {
  enum class Type { end, string, start_tag, end_tag, timestamp } type = Type::end;
  std::string value;                 // string, tag name, or timestamp text
  std::vector<std::string> classes;  // start tags
  std::string annotation;            // start tags
};

class Tokenizer {
 public:
  explicit Tokenizer(std::string_view text) : text_(text) {}

  Token next() {
    Token token;
    if (pos_ >= text_.size()) return token;
    if (text_[pos_] != '<') return data();
    ++pos_;
    return tag();
  }

 private:
  // Data state: text up to the next '<', references decoded.
  Token data() {
    Token token{Token::Type::string};
    while (pos_ < text_.size()) {
      const char* start = text_.data() + pos_;
      std::size_t left = text_.size() - pos_;
      std::size_t run = 0;
      while (run < left && start[run] != '<' && start[run] != '&') ++run;
      token.value.append(start, run);
      pos_ += run;
      if (pos_ >= text_.size() || text_[pos_] == '<') break;
      std::size_t used = decode_character_reference(text_.substr(pos_), token.value);
      if (used == 0) {
        token.value += '&';
        used = 1;
      }
      pos_ += used;
    }
    return token;
  }

  // Tag state and the states after it.
  Token tag() {
    Token token{Token::Type::start_tag};
    if (pos_ >= text_.size()) return token;
    char c = text_[pos_];
    if (is_ascii_whitespace(c)) {
      ++pos_;
      return annotation(token, c == '\n' ? "\n" : "");
    }
    if (c == '.') {
      ++pos_;
      return classes(token);
    }
    if (c == '/') {
      ++pos_;
      token.type = Token::Type::end_tag;
      while (pos_ < text_.size() && text_[pos_] != '>') token.value += text_[pos_++];
      if (pos_ < text_.size()) ++pos_;
      return token;
    }
    if (c >= '0' && c <= '9') {
      token.type = Token::Type::timestamp;
      while (pos_ < text_.size() && text_[pos_] != '>') token.value += text_[pos_++];
      if (pos_ < text_.size()) ++pos_;
      return token;
    }
    if (c == '>') {
      ++pos_;
      return token;
    }
    // Start tag state.
    while (pos_ < text_.size()) {
      c = text_[pos_];
      if (is_ascii_whitespace(c)) {
        ++pos_;
        return annotation(token, c == '\n' ? "\n" : "");
      }
      if (c == '.') {
        ++pos_;
        return classes(token);
      }
      if (c == '>') {
        ++pos_;
        return token;
      }
      token.value += c;
      ++pos_;
    }
    return token;
  }

  // Start tag class state.
  Token classes(Token& token) {
    std::string buffer;
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (is_ascii_whitespace(c)) {
        ++pos_;
        token.classes.push_back(std::move(buffer));
        return annotation(token, c == '\n' ? "\n" : "");
      }
      if (c == '.') {
        ++pos_;
        token.classes.push_back(std::move(buffer));
        buffer.clear();
        continue;
      }
      if (c == '>') {
        ++pos_;
        break;
      }
      buffer += c;
      ++pos_;
    }
    token.classes.push_back(std::move(buffer));
    return std::move(token);
  }

  // Start tag annotation state: references decoded, whitespace collapsed and trimmed.
  Token annotation(Token& token, std::string buffer) {
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c == '>') {
        ++pos_;
        break;
      }
      if (c == '&') {
        std::size_t used = decode_character_reference(text_.substr(pos_), buffer);
        if (used == 0) {
          buffer += '&';
          used = 1;
        }
        pos_ += used;
        continue;
      }
      buffer += c;
      ++pos_;
    }
    std::string collapsed;
    bool space = false;
    for (char c : buffer) {
      if (is_ascii_whitespace(c)) {
        space = !collapsed.empty();
        continue;
      }
      if (space) collapsed += ' ';
      space = false;
      collapsed += c;
    }
    token.annotation = std::move(collapsed);
    return std::move(token);
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

NodeKind kind_of_tag(std::string_view name) {
  if (name == "c") return NodeKind::cls;
  if (name == "i") return NodeKind::italic;
  if (name == "b") return NodeKind::bold;
  if (name == "u") return NodeKind::underline;
  if (name == "ruby") return NodeKind::ruby;
  if (name == "rt") return NodeKind::ruby_text;
  if (name == "v") return NodeKind::voice;
  if (name == "lang") return NodeKind::language;
  return NodeKind::root;  // not a cue text tag
}

int add_node(std::vector<CueNode>& nodes, int parent, CueNode node) {
  node.parent = parent;
  nodes.push_back(std::move(node));
  int index = static_cast<int>(nodes.size()) - 1;
  nodes[parent].children.push_back(index);
  return index;
}

}  // namespace

std::vector<CueNode> parse_cue_text(std::string_view text) {
  std::vector<CueNode> nodes(1);
  int current = 0;
  Tokenizer tokenizer(text);
  for (;;) {
    Token token = tokenizer.next();
    switch (token.type) {
      case Token::Type::end:
        return nodes;
      case Token::Type::string:
        add_node(nodes, current, CueNode{NodeKind::text, std::move(token.value)});
        break;
      case Token::Type::start_tag: {
        NodeKind kind = kind_of_tag(token.value);
        if (kind == NodeKind::root) break;
        if (kind == NodeKind::ruby_text && nodes[current].kind != NodeKind::ruby) break;
        CueNode node{kind};
        node.classes = std::move(token.classes);
        if (kind == NodeKind::voice || kind == NodeKind::language)
          node.text = std::move(token.annotation);
        current = add_node(nodes, current, std::move(node));
        break;
      }
      case Token::Type::end_tag: {
        NodeKind kind = kind_of_tag(token.value);
        if (kind != NodeKind::root && nodes[current].kind == kind) {
          current = nodes[current].parent;
        } else if (kind == NodeKind::ruby && nodes[current].kind == NodeKind::ruby_text) {
          current = nodes[nodes[current].parent].parent;
        }
        break;
      }
      case Token::Type::timestamp: {
        std::size_t pos = 0;
        Millis time = 0;
        if (collect_timestamp(token.value, pos, time) && pos == token.value.size()) {
          CueNode node{NodeKind::timestamp};
          node.time = time;
          add_node(nodes, current, std::move(node));
        }
        break;
      }
    }
  }
}

namespace {

void append_escaped_html(std::string& out, std::string_view text) {
  for (char c : text) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else
      out += c;
  }
}

struct ContentBuilder {
  const std::vector<CueNode>& nodes;
  CueContent content;
  bool styled = false;

  void walk(int index, const std::string* voice) {
    const CueNode& node = nodes[index];
    if (node.kind == NodeKind::ruby_text) return;
    if (node.kind == NodeKind::text) {
      content.text += node.text;
      append_escaped_html(content.html, node.text);
      const std::string& speaker = voice ? *voice : empty_;
      if (content.turns.empty() || content.turns.back().speaker != speaker)
        content.turns.push_back({speaker, {}});
      content.turns.back().text += node.text;
      return;
    }
    if (node.kind == NodeKind::voice) {
      voice = &node.text;
      if (content.speaker.empty()) content.speaker = node.text;
    }
    const char* tag = node.kind == NodeKind::italic      ? "i"
                      : node.kind == NodeKind::bold      ? "b"
                      : node.kind == NodeKind::underline ? "u"
                                                         : nullptr;
    if (tag) {
      styled = true;
      content.html += '<';
      content.html += tag;
      content.html += '>';
    }
    for (int child : node.children) walk(child, voice);
    if (tag) {
      content.html += "</";
      content.html += tag;
      content.html += '>';
    }
  }

  std::string empty_;
};

std::string trim_lines(std::string_view text) {
  std::size_t begin = 0, end = text.size();
  while (begin < end && is_ascii_whitespace(text[begin])) ++begin;
  while (end > begin && is_ascii_whitespace(text[end - 1])) --end;
  return std::string(text.substr(begin, end - begin));
}

// The common shape "<v Name>text" (optionally "</v>" at the end) with no other tag and no
// reference: read without building a tree. Gives what the tree would give; false otherwise.
bool read_single_voice(const std::string& text, CueContent& content) {
  if (text.size() < 3 || text.compare(0, 2, "<v") != 0 ||
      !(text[2] == '.' || is_ascii_whitespace(text[2])))
    return false;
  std::size_t close = text.find('>');
  if (close == std::string::npos) return false;
  std::string_view rest = std::string_view(text).substr(close + 1);
  if (rest.size() >= 4 && rest.substr(rest.size() - 4) == "</v>") rest.remove_suffix(4);
  for (char c : rest)
    if (c == '<' || c == '&') return false;
  // Skip the classes, then collapse the annotation's whitespace.
  std::size_t i = 2;
  if (text[i] == '.')
    while (i < close && !is_ascii_whitespace(text[i])) ++i;
  std::string name;
  bool space = false;
  for (; i < close; ++i) {
    const char c = text[i];
    if (c == '&') return false;
    if (is_ascii_whitespace(c)) {
      space = !name.empty();
      continue;
    }
    if (space) name += ' ';
    space = false;
    name += c;
  }
  content.speaker = std::move(name);
  content.text = std::string(rest);
  return true;
}

}  // namespace

CueContent read_cue_content(std::string text) {
  if (!scan::contains_either(text, '<', '&')) {
    CueContent plain;
    plain.text = std::move(text);
    return plain;
  }
  CueContent fast;
  if (read_single_voice(text, fast)) {
    fast.has_markup = true;
    fast.markup = std::move(text);
    return fast;
  }
  std::vector<CueNode> nodes = parse_cue_text(text);
  ContentBuilder builder{nodes};
  builder.walk(0, nullptr);
  CueContent content = std::move(builder.content);
  content.has_markup = true;
  content.markup = std::move(text);
  if (!builder.styled) content.html.clear();
  // Several speakers: keep the parts; whitespace between parts belongs to neither.
  std::vector<Turn> turns;
  for (Turn& turn : content.turns) {
    turn.text = trim_lines(turn.text);
    if (turn.text.empty()) continue;
    if (!turns.empty() && turns.back().speaker == turn.speaker) {
      turns.back().text += '\n';
      turns.back().text += turn.text;
    } else {
      turns.push_back(std::move(turn));
    }
  }
  if (turns.size() < 2) turns.clear();
  content.turns = std::move(turns);
  return content;
}

}  // namespace castkit::vtt
