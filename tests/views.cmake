# Widget tests (offscreen).
klarsicht_add_test(NAME tst_mainwindow SOURCES gui/tst_mainwindow.cpp LIBS klarsicht_views LABELS gui)
klarsicht_add_test(NAME tst_pages SOURCES gui/tst_pages.cpp unit/insightstestdata.h
    LIBS klarsicht_views LABELS gui)
