// Merging the models of several inputs into one (`castkit convert a b -t x`, or the sources of
// one episode in `castkit build`).
#pragma once

#include "castkit/model.hpp"

namespace castkit::host {

/// Merges `from` into `into`: where `into` has a value it wins; empty fields (empty strings,
/// unset optionals, empty lists, missing extension keys) are filled from `from`. Episodes are
/// matched by guid, then link, then title, else by position when both have exactly one;
/// matched episodes merge field by field, unmatched ones are appended.
void merge_show(Show& into, Show&& from);

/// Merges one episode into another with the same rules (the transcripts with merge_transcript).
void merge_episode(Episode& into, Episode&& from);

/// Merges two transcripts of one episode. When one has no segments the other is used.
void merge_transcript(Transcript& into, Transcript&& from);

}  // namespace castkit::host
