# The .ts files must match the sources and German must be complete.
add_test(NAME translations_up_to_date
    COMMAND ${PROJECT_SOURCE_DIR}/scripts/update-translations --check)
set_tests_properties(translations_up_to_date PROPERTIES LABELS unit
    ENVIRONMENT "LUPDATE=$<TARGET_FILE:Qt6::lupdate>")
