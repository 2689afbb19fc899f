// castkit SDK: version numbers and the build tag plugins are checked against.
#pragma once

#include <cstdint>

/// SDK (and castkit) release version.
#define CASTKIT_VERSION_STRING "0.1.0"

/// Plugin ABI version: a plugin is loaded when its major equals the host's and its minor is not
/// newer than the host's.
#define CASTKIT_ABI_MAJOR 1
#define CASTKIT_ABI_MINOR 2

#define CASTKIT_STRINGIFY_(x) #x
#define CASTKIT_STRINGIFY(x) CASTKIT_STRINGIFY_(x)

#if defined(__clang__)
#define CASTKIT_COMPILER_ID "clang-" CASTKIT_STRINGIFY(__clang_major__)
#elif defined(__GNUC__)
#define CASTKIT_COMPILER_ID "gcc-" CASTKIT_STRINGIFY(__GNUC__)
#else
#define CASTKIT_COMPILER_ID "unknown"
#endif

#if defined(_GLIBCXX_USE_CXX11_ABI)
#define CASTKIT_STDLIB_ID "libstdc++-cxx11abi" CASTKIT_STRINGIFY(_GLIBCXX_USE_CXX11_ABI)
#elif defined(_LIBCPP_VERSION)
#define CASTKIT_STDLIB_ID "libc++"
#else
#define CASTKIT_STDLIB_ID "unknown-stdlib"
#endif

/// What must match between host and plugin for C++ objects to cross: compiler family, standard
/// library ABI and SDK version. (GCC and clang share the Itanium ABI but not always libstdc++
/// layouts under every flag, so the family is part of the tag.)
#define CASTKIT_BUILD_TAG CASTKIT_COMPILER_ID "/" CASTKIT_STDLIB_ID "/sdk-" CASTKIT_VERSION_STRING
