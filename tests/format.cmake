# One code format: every C++ source as .clang-format says (clang-format 14, Debian 12).
add_test(NAME source_format COMMAND ${PROJECT_SOURCE_DIR}/scripts/check-format)
set_tests_properties(source_format PROPERTIES LABELS unit)
