# Insight screens (issue 6): the feed, item models and filter proxy (unit), pages (gui).
klarsicht_add_test(NAME tst_insightsmodel SOURCES unit/tst_insightsmodel.cpp unit/insightstestdata.h
    LIBS klarsicht_models LABELS unit)
