// Cutting an episode list into its elements: skimmed, or guessed from the layout.
#include "list_cutter.hpp"

#include "closing_line.hpp"
#include "json_skim.hpp"

namespace castkit::json {

Cutter::Cutter(const EpisodeList& list, const ReadOptions& options, Cutting cutting)
    : list_(list), options_(options), pos_(list.first) {
  if (cutting == Cutting::guess_from_layout)
    indent_ = layout::element_indent(list.text, list.first);
}

std::size_t Cutter::guess_end(std::size_t begin) {
  const std::string_view text = list_.text;
  const std::size_t end = layout::find_closing_line(text, begin, *indent_);
  // An element's end is followed by ',' or by the ']' that closes the list. Without a closing
  // line that is, the layout is not the one guessed (and a search that might cross the rest of
  // the document for every element is not tried again).
  const std::size_t next = end == skim::npos ? end : skim::skip_whitespace(text, end);
  if (next < text.size() && (text[next] == ',' || text[next] == ']')) return end;
  stop_guessing();
  return skim::npos;
}

bool Cutter::next(Piece& piece) {
  const std::string_view text = list_.text;
  if (done_) {
    piece.kind = Piece::Kind::end;
    piece.end = pos_;
    return false;
  }
  const std::size_t begin = pos_;
  std::size_t end = indent_ ? guess_end(begin) : skim::npos;
  piece.guessed = end != skim::npos;
  if (!piece.guessed) end = skim::skip_value(text, begin);
  if (end == skim::npos || end == begin) {
    piece.kind = Piece::Kind::fault;
    return false;
  }
  pos_ = skim::skip_whitespace(text, end);
  if (pos_ < text.size() && text[pos_] == ',')
    pos_ = skim::skip_whitespace(text, pos_ + 1);
  else
    done_ = true;
  piece.kind = Piece::Kind::episode;
  piece.begin = begin;
  piece.end = end;
  piece.indexed.index(text, options_.readable_padding, begin, end);
  return true;
}

}  // namespace castkit::json
