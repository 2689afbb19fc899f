// What the transforms plugin offers.
#include "transforms_format.hpp"

#include "offset.hpp"
#include "rename_speakers.hpp"

namespace castkit::transforms {

void register_transforms(Registrar& registrar) {
  registrar.add(TransformSpec{
      .name = "offset",
      .description = "shift every chapter, transcript and soundbite time by ms (e.g. a pre-roll)",
      .options = {{"offset-ms", "formats.offset.ms",
                   "milliseconds the offset transform shifts every time by (may be negative)"}},
      .create = make_offset});
  registrar.add(
      TransformSpec{.name = "rename-speakers",
                    .description = "rename transcript speakers (option map: old name -> new name)",
                    .create = make_rename_speakers});
}

}  // namespace castkit::transforms
