# Metrics history, percentiles, label selectors, formatting, thresholds and the trend bars.
# The tests link the libraries the code lives in (klarsicht_models, klarsicht_views).

klarsicht_add_test(NAME tst_labelselector SOURCES unit/tst_labelselector.cpp
    LIBS klarsicht_models LABELS unit)
klarsicht_add_test(NAME tst_percentiles SOURCES unit/tst_percentiles.cpp
    LIBS klarsicht_models LABELS unit)
klarsicht_add_test(NAME tst_metricshistory SOURCES unit/tst_metricshistory.cpp
    LIBS klarsicht_models LABELS unit)
klarsicht_add_test(NAME tst_metricshistory_limits SOURCES unit/tst_metricshistory_limits.cpp
    LIBS klarsicht_models LABELS unit TIMEOUT 120)
# The German translation is compiled from translations/klarsicht_de.ts into this test.
klarsicht_add_test(NAME tst_formatter SOURCES unit/tst_formatter.cpp
    LIBS klarsicht_models LABELS unit)
qt_add_lrelease(tst_formatter TS_FILES ${PROJECT_SOURCE_DIR}/translations/klarsicht_de.ts
    QM_FILES_OUTPUT_VARIABLE KLARSICHT_FORMATTER_QM)
qt_add_resources(tst_formatter tst_formatter_i18n PREFIX /i18n BASE ${CMAKE_CURRENT_BINARY_DIR}
    FILES ${KLARSICHT_FORMATTER_QM})

# The trend bars: geometry (plain maths) and the delegate (painted offscreen).
klarsicht_add_test(NAME tst_trendgeometry SOURCES unit/tst_trendgeometry.cpp
    LIBS klarsicht_views LABELS unit)
klarsicht_add_test(NAME tst_trenddelegate SOURCES gui/tst_trenddelegate.cpp
    LIBS klarsicht_views LABELS gui)

# Snapshot files read into a ClusterStore (real recorded lists and metrics answers).
klarsicht_add_test(NAME tst_snapshotreader SOURCES unit/tst_snapshotreader.cpp
    LIBS klarsicht_models LABELS unit)
