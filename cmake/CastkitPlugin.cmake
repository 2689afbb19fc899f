# castkit_add_plugin(<name>
#     SOURCES <implementation sources...>   # compiled into castkit_<name>_impl (static, PIC)
#     ENTRY <file>                          # the file with CASTKIT_PLUGIN(...): the module's only source
#     [LIBRARIES <libs...>]                 # what the implementation links
#     [TESTS <test sources...>])            # Catch2 tests linked against the implementation
#
# Builds the plugin module castkit-<name>.so into the build tree's plugins/ folder (where
# ./build/castkit finds it) and installs it into lib/castkit/plugins. Tests link the
# implementation library directly, so a plugin's tests do not need the host.
# castkit_discover_tests(<target> <prefix> [catch_discover_tests options...])
#
# Registers a Catch2 test executable's cases with CTest. A case CTest cannot select (a name with
# ';' is split by CMake) then fails (--warn NoTests) instead of passing with nothing run.
function(castkit_discover_tests target prefix)
  catch_discover_tests(${target} TEST_PREFIX "${prefix}" EXTRA_ARGS --warn NoTests ${ARGN})
endfunction()

function(castkit_add_plugin name)
  cmake_parse_arguments(ARG "" "ENTRY" "SOURCES;LIBRARIES;TESTS" ${ARGN})
  set(impl castkit_${name}_impl)
  add_library(${impl} STATIC ${ARG_SOURCES})
  target_link_libraries(${impl} PUBLIC castkit::sdk ${ARG_LIBRARIES})
  target_include_directories(${impl} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/src)
  set_target_properties(${impl} PROPERTIES
    POSITION_INDEPENDENT_CODE ON CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON)

  set(module castkit-${name})
  add_library(${module} MODULE ${ARG_ENTRY})
  target_link_libraries(${module} PRIVATE ${impl})
  target_link_options(${module} PRIVATE -Wl,--exclude-libs,ALL -Wl,--no-undefined)
  set_target_properties(${module} PROPERTIES
    PREFIX "" CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON
    LIBRARY_OUTPUT_DIRECTORY "${CASTKIT_PLUGIN_BUILD_DIR}")
  if(DEFINED CASTKIT_PLUGIN_INSTALL_DIR)
    install(TARGETS ${module} LIBRARY DESTINATION ${CASTKIT_PLUGIN_INSTALL_DIR})
  endif()

  if(ARG_TESTS AND CASTKIT_BUILD_TESTS)
    add_executable(castkit_${name}_tests ${ARG_TESTS})
    target_link_libraries(castkit_${name}_tests PRIVATE ${impl} castkit_catch_main castkit_test_support)
    target_compile_definitions(castkit_${name}_tests PRIVATE
      CASTKIT_TEST_DATA="${CASTKIT_TEST_DATA}"
      CASTKIT_PLUGIN_SOURCE_DIR="${CMAKE_CURRENT_SOURCE_DIR}")
    castkit_discover_tests(castkit_${name}_tests "${name}: "
      WORKING_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}")
  endif()
endfunction()
