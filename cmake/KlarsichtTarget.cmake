# Compile settings shared by every target of our own (STYLE.md: warnings on, the Qt string
# defines, -Werror under CI).
function(klarsicht_target_defaults target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
    if(KLARSICHT_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_USE_QSTRINGBUILDER QT_NO_FOREACH
        QT_NO_URL_CAST_FROM_STRING QT_NO_NARROWING_CONVERSIONS_IN_CONNECT)
endfunction()

# klarsicht_add_test(NAME tst_x SOURCES a.cpp LIBS lib... LABELS unit [ENV K=V ...] [TIMEOUT s])
# One QtTest executable per test file, registered with CTest and labelled.
function(klarsicht_add_test)
    cmake_parse_arguments(T "" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS;ENV" ${ARGN})
    add_executable(${T_NAME} ${T_SOURCES})
    klarsicht_target_defaults(${T_NAME})
    target_link_libraries(${T_NAME} PRIVATE Qt6::Test ${T_LIBS})
    target_compile_definitions(${T_NAME} PRIVATE
        KLARSICHT_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        KLARSICHT_BINARY_DIR="${PROJECT_BINARY_DIR}"
        KLARSICHT_FIXTURES_DIR="${KLARSICHT_FIXTURES_DIR}")
    add_test(NAME ${T_NAME} COMMAND ${T_NAME})
    set(env QT_QPA_PLATFORM=offscreen ${T_ENV})
    if(KLARSICHT_SANITIZE)
        list(APPEND env "ASAN_OPTIONS=detect_leaks=0" "UBSAN_OPTIONS=print_stacktrace=1")
    endif()
    set_tests_properties(${T_NAME} PROPERTIES LABELS "${T_LABELS}" ENVIRONMENT "${env}")
    if(T_TIMEOUT)
        set_tests_properties(${T_NAME} PROPERTIES TIMEOUT ${T_TIMEOUT})
    endif()
endfunction()
