# REST + watch client, errors and informers (kubeapi/apiclient, apierror, watchstream, informer*).
klarsicht_add_test(NAME tst_apierror SOURCES unit/tst_apierror.cpp LIBS klarsicht_kubeapi LABELS unit)
klarsicht_add_test(NAME tst_informer_backoff SOURCES unit/tst_informer_backoff.cpp LIBS klarsicht_kubeapi LABELS unit)
klarsicht_add_test(NAME tst_informer_merge SOURCES unit/tst_informer_merge.cpp LIBS klarsicht_kubeapi LABELS unit TIMEOUT 60)
