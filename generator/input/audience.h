#pragma once
#include "content.h"

namespace wijzer {

/// True when a page is written for clients (docs/content-format.md, "Pages for clients"): its front
/// matter, or that of the nearest section `_index.md` above it that sets one, has
/// `publiek: clienten`. Client pages get plain-language checks and the glossary's client words.
bool for_clients(const ContentTree& content, int page);

}  // namespace wijzer
