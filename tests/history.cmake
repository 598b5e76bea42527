# Metrics history, percentiles, label selectors, formatting, thresholds and the trend bars.
# The tests compile exactly these sources (not the whole klarsicht_models/klarsicht_views
# libraries) so they build fast on the shared machine and do not depend on kubeapi.
set(KLARSICHT_HISTORY_CORE_SOURCES
    ${PROJECT_SOURCE_DIR}/models/labelselector.cpp
    ${PROJECT_SOURCE_DIR}/models/percentiles.cpp
    ${PROJECT_SOURCE_DIR}/models/timerange.cpp
    ${PROJECT_SOURCE_DIR}/models/thresholds.cpp
    ${PROJECT_SOURCE_DIR}/models/utilisation.cpp
    ${PROJECT_SOURCE_DIR}/models/counterrate.cpp
    ${PROJECT_SOURCE_DIR}/models/metricseries.cpp
    ${PROJECT_SOURCE_DIR}/models/metricshistory.cpp
    ${PROJECT_SOURCE_DIR}/models/formatter.cpp
    ${PROJECT_SOURCE_DIR}/models/trenddata.cpp)
add_library(klarsicht_history_core STATIC ${KLARSICHT_HISTORY_CORE_SOURCES})
klarsicht_target_defaults(klarsicht_history_core)
target_include_directories(klarsicht_history_core PUBLIC ${PROJECT_SOURCE_DIR})
target_link_libraries(klarsicht_history_core PUBLIC Qt6::Core)

klarsicht_add_test(NAME tst_labelselector SOURCES unit/tst_labelselector.cpp
    LIBS klarsicht_history_core LABELS unit)
klarsicht_add_test(NAME tst_percentiles SOURCES unit/tst_percentiles.cpp
    LIBS klarsicht_history_core LABELS unit)
klarsicht_add_test(NAME tst_metricshistory SOURCES unit/tst_metricshistory.cpp
    LIBS klarsicht_history_core LABELS unit)
# The German translation is compiled from translations/klarsicht_de.ts into this test.
klarsicht_add_test(NAME tst_formatter SOURCES unit/tst_formatter.cpp
    LIBS klarsicht_history_core LABELS unit)
qt_add_lrelease(tst_formatter TS_FILES ${PROJECT_SOURCE_DIR}/translations/klarsicht_de.ts
    QM_FILES_OUTPUT_VARIABLE KLARSICHT_FORMATTER_QM)
qt_add_resources(tst_formatter tst_formatter_i18n PREFIX /i18n BASE ${CMAKE_CURRENT_BINARY_DIR}
    FILES ${KLARSICHT_FORMATTER_QM})

# The trend bars: geometry (plain maths) and the delegate (painted offscreen).
add_library(klarsicht_history_views STATIC
    ${PROJECT_SOURCE_DIR}/views/trendbarsgeometry.cpp
    ${PROJECT_SOURCE_DIR}/views/trenddelegate.cpp)
klarsicht_target_defaults(klarsicht_history_views)
target_link_libraries(klarsicht_history_views PUBLIC klarsicht_history_core Qt6::Widgets)
klarsicht_add_test(NAME tst_trendgeometry SOURCES unit/tst_trendgeometry.cpp
    LIBS klarsicht_history_views LABELS unit)
klarsicht_add_test(NAME tst_trenddelegate SOURCES gui/tst_trenddelegate.cpp
    LIBS klarsicht_history_views LABELS gui)
