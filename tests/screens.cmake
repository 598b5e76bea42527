# Insight screens (issue 6): the feed, item models and filter proxy (unit), pages (gui).
klarsicht_add_test(NAME tst_insightsmodel SOURCES unit/tst_insightsmodel.cpp unit/insightstestdata.h
    LIBS klarsicht_models LABELS unit)
klarsicht_add_test(NAME tst_insightsflatproxy SOURCES unit/tst_insightsflatproxy.cpp unit/insightstestdata.h
    LIBS klarsicht_models LABELS unit)

# Against the real demo cluster: the app's session/feed/model stack under a real MainWindow,
# driven with kubectl.
if(TARGET klarsicht-demo-cluster)
    klarsicht_add_test(NAME tst_screens_democluster
        SOURCES integration/tst_screens_democluster.cpp integration/tst_client_support.h
                ${PROJECT_SOURCE_DIR}/app/clustersession.cpp ${PROJECT_SOURCE_DIR}/app/clustersession.h
        LIBS klarsicht_views LABELS integration TIMEOUT 300)
    target_compile_definitions(tst_screens_democluster PRIVATE
        KLARSICHT_DEMO_CLUSTER="$<TARGET_FILE:klarsicht-demo-cluster>")
    if(TARGET klarsicht) # `klarsicht snapshot` is run as the user runs it
        target_compile_definitions(tst_screens_democluster PRIVATE KLARSICHT_APP="$<TARGET_FILE:klarsicht>")
        add_dependencies(tst_screens_democluster klarsicht)
    endif()
endif()
