// A model with one of everything the rss exporter writes, including text that needs escaping.
#pragma once

#include "castkit/model.hpp"

namespace castkit::rss::test {

/// Two episodes (whole and decimal episode numbers) with every field the exporter writes; the
/// titles and descriptions hold `&`, `<`, `]]>`, quotes and control characters.
Show full_show();

}  // namespace castkit::rss::test
