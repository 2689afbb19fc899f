// The words plugin's one entry point.
#include "castkit/plugin.hpp"
#include "word_count.hpp"

CASTKIT_PLUGIN("words", "1.0.0", words::register_words)
