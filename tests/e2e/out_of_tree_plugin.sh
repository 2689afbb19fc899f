#!/usr/bin/env bash
# Installs castkit into a temporary prefix, builds examples/out-of-tree-plugin against that
# installation with find_package(castkit), and runs the installed castkit with the new plugin:
# the package is tested the way a third-party plugin author uses it.
#   out_of_tree_plugin.sh BUILD_DIR SOURCE_DIR WORK_DIR
set -euo pipefail
build_dir=$1 source_dir=$2 work=$3
rm -rf "$work"
mkdir -p "$work"
cmake --install "$build_dir" --prefix "$work/prefix" >"$work/install.log"
for f in bin/castkit lib/libcastkit_sdk.a include/castkit/plugin.hpp \
         lib/cmake/castkit/castkitConfig.cmake lib/cmake/castkit/castkitConfigVersion.cmake \
         lib/cmake/castkit/castkitTargets.cmake lib/cmake/castkit/CastkitPlugin.cmake \
         share/castkit/castkit.yaml lib/castkit/plugins/castkit-json.so; do
  [[ -e $work/prefix/$f ]] || { echo "not installed: $f" >&2; exit 1; }
done

cmake -S "$source_dir/examples/out-of-tree-plugin" -B "$work/build" -G Ninja \
  -DCMAKE_PREFIX_PATH="$work/prefix" -DCMAKE_BUILD_TYPE=Release >"$work/configure.log"
cmake --build "$work/build" >"$work/build.log"
[[ -f $work/build/plugins/castkit-words.so ]] || { echo "castkit-words.so was not built" >&2; exit 1; }

export CASTKIT_REGISTRY=$work/registry.bin
castkit=$work/prefix/bin/castkit
# The installed castkit finds its own plugins (json) and the new one through --plugin-path.
"$castkit" convert "$source_dir/examples/out-of-tree-plugin/episode.json" -t words \
  --plugin-path "$work/build/plugins" >"$work/words.txt"
expected=$'Ann: 9 words\nBob: 4 words\n(unknown): 1 words\ntotal: 14 words'
[[ $(<"$work/words.txt") == "$expected" ]] || { echo "unexpected output:"; cat "$work/words.txt"; exit 1; } >&2
"$castkit" plugins --plugin-path "$work/build/plugins" | grep -q "^words 1.0.0  $work/build/plugins/castkit-words.so" \
  || { echo "castkit plugins does not list words" >&2; exit 1; }
# Installing the plugin puts it where an installed castkit looks by default.
cmake --install "$work/build" --prefix "$work/prefix" >/dev/null
"$castkit" convert "$source_dir/examples/out-of-tree-plugin/episode.json" -t words --unknown-speaker Music \
  | grep -qx "Music: 1 words" || { echo "installed words plugin not found by default" >&2; exit 1; }
echo "out-of-tree plugin: ok"
