# Unit tests of the demo API server's building blocks: object store, selectors, patch.
klarsicht_add_test(NAME tst_democluster_store SOURCES unit/tst_democluster_store.cpp
    LIBS klarsicht_democluster LABELS unit TIMEOUT 60)
klarsicht_add_test(NAME tst_democluster_selectors SOURCES unit/tst_democluster_selectors.cpp
    LIBS klarsicht_democluster LABELS unit TIMEOUT 60)
klarsicht_add_test(NAME tst_democluster_patch SOURCES unit/tst_democluster_patch.cpp
    LIBS klarsicht_democluster LABELS unit TIMEOUT 60)
