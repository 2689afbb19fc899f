// `castkit lint FEED`: a feed against Apple's requirements and the Podcasting 2.0 rules.
#pragma once

#include "castkit/host.hpp"
#include "castkit/plugin.hpp"

namespace castkit::rss {

/// Checks the feed in `input`, reports each finding through `host` as
/// `file:line:col: error|warning|note: ...`, and returns the number of errors. A feed that is
/// not well-formed XML or not RSS is one error.
int lint_feed(const Input& input, Host& host);

}  // namespace castkit::rss
