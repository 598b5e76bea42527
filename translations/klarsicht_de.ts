<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AccessSummary</name>
    <message>
        <source>may list pods</source>
        <translation>darf Pods auflisten</translation>
    </message>
    <message>
        <source>may not list pods</source>
        <translation>darf keine Pods auflisten</translation>
    </message>
    <message>
        <source>may read logs</source>
        <translation>darf Logs lesen</translation>
    </message>
    <message>
        <source>may not read logs</source>
        <translation>darf keine Logs lesen</translation>
    </message>
    <message>
        <source>may list events</source>
        <translation>darf Ereignisse auflisten</translation>
    </message>
    <message>
        <source>may not list events</source>
        <translation>darf keine Ereignisse auflisten</translation>
    </message>
    <message>
        <source>may exec into containers</source>
        <translation>darf Befehle in Containern ausführen</translation>
    </message>
    <message>
        <source>may not exec into containers</source>
        <translation>darf keine Befehle in Containern ausführen</translation>
    </message>
    <message>
        <source>may delete pods</source>
        <translation>darf Pods löschen</translation>
    </message>
    <message>
        <source>may not delete pods</source>
        <translation>darf keine Pods löschen</translation>
    </message>
    <message>
        <source>may scale deployments</source>
        <translation>darf Deployments skalieren</translation>
    </message>
    <message>
        <source>may not scale deployments</source>
        <translation>darf keine Deployments skalieren</translation>
    </message>
    <message>
        <source>may create deployments</source>
        <translation>darf Deployments anlegen</translation>
    </message>
    <message>
        <source>may not create deployments</source>
        <translation>darf keine Deployments anlegen</translation>
    </message>
    <message>
        <source>may read secrets</source>
        <translation>darf Secrets lesen</translation>
    </message>
    <message>
        <source>may not read secrets</source>
        <translation>darf keine Secrets lesen</translation>
    </message>
    <message>
        <source>may change resource quotas</source>
        <translation>darf ResourceQuotas ändern</translation>
    </message>
    <message>
        <source>may not change resource quotas</source>
        <translation>darf keine ResourceQuotas ändern</translation>
    </message>
    <message>
        <source>may grant roles</source>
        <translation>darf Rollen vergeben</translation>
    </message>
    <message>
        <source>may not grant roles</source>
        <translation>darf keine Rollen vergeben</translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>the server</source>
        <translation>der Server</translation>
    </message>
    <message>
        <source>this resource</source>
        <translation>diese Ressource</translation>
    </message>
    <message>
        <source>You may not list %1 in namespace %2.</source>
        <translation>Sie dürfen %1 im Namespace %2 nicht auflisten.</translation>
    </message>
    <message>
        <source>You may not list %1 across the cluster.</source>
        <translation>Sie dürfen %1 nicht clusterweit auflisten.</translation>
    </message>
    <message>
        <source>You may not watch %1 in namespace %2.</source>
        <translation>Sie dürfen %1 im Namespace %2 nicht beobachten.</translation>
    </message>
    <message>
        <source>You may not watch %1 across the cluster.</source>
        <translation>Sie dürfen %1 nicht clusterweit beobachten.</translation>
    </message>
    <message>
        <source>You may not read %1 in namespace %2.</source>
        <translation>Sie dürfen %1 im Namespace %2 nicht lesen.</translation>
    </message>
    <message>
        <source>You may not read %1.</source>
        <translation>Sie dürfen %1 nicht lesen.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>Die Anfrage wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Klarsicht could not get a credential for %1: %2</source>
        <translation>Klarsicht konnte keine Anmeldedaten für %1 erhalten: %2</translation>
    </message>
    <message>
        <source>The server at %1 sent data Klarsicht cannot read: %2</source>
        <translation>Der Server %1 hat Daten gesendet, die Klarsicht nicht lesen kann: %2</translation>
    </message>
    <message>
        <source>The certificate of %1 is not signed by the CA in your kubeconfig.</source>
        <translation>Das Zertifikat von %1 ist nicht von der Zertifizierungsstelle (CA) in Ihrer kubeconfig signiert.</translation>
    </message>
    <message>
        <source>The certificate of %1 is not issued for this host name; tls-server-name in your kubeconfig can name the expected one.</source>
        <translation>Das Zertifikat von %1 ist nicht für diesen Hostnamen ausgestellt; tls-server-name in Ihrer kubeconfig kann den erwarteten Namen angeben.</translation>
    </message>
    <message>
        <source>The certificate of %1 has expired or is not valid yet.</source>
        <translation>Das Zertifikat von %1 ist abgelaufen oder noch nicht gültig.</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed: %2</source>
        <translation>Die sichere Verbindung zu %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>The server at %1 cannot be reached: it refused the connection. Check that the cluster is running.</source>
        <translation>Der Server %1 ist nicht erreichbar: Er hat die Verbindung abgelehnt. Prüfen Sie, ob der Cluster läuft.</translation>
    </message>
    <message>
        <source>The server at %1 cannot be reached: its host name is unknown. Check the server address in your kubeconfig.</source>
        <translation>Der Server %1 ist nicht erreichbar: Sein Hostname ist unbekannt. Prüfen Sie die Serveradresse in Ihrer kubeconfig.</translation>
    </message>
    <message>
        <source>The server at %1 did not answer in time.</source>
        <translation>Der Server %1 hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The proxy for %1 cannot be used: %2</source>
        <translation>Der Proxy für %1 kann nicht verwendet werden: %2</translation>
    </message>
    <message>
        <source>The connection to %1 failed: %2</source>
        <translation>Die Verbindung zu %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>The server at %1 does not accept your credentials. Log in again or renew the credential in your kubeconfig.</source>
        <translation>Der Server %1 akzeptiert Ihre Anmeldedaten nicht. Melden Sie sich erneut an oder erneuern Sie die Anmeldedaten in Ihrer kubeconfig.</translation>
    </message>
    <message>
        <source>%1 was not found on the server; the cluster may not offer this API.</source>
        <translation>%1 wurde auf dem Server nicht gefunden; der Cluster bietet diese API möglicherweise nicht an.</translation>
    </message>
    <message>
        <source>The data Klarsicht had is too old for the server; it is loaded again.</source>
        <translation>Die Daten von Klarsicht sind für den Server zu alt; sie werden neu geladen.</translation>
    </message>
    <message>
        <source>The server at %1 is busy and asked Klarsicht to wait; it tries again shortly.</source>
        <translation>Der Server %1 ist ausgelastet und hat Klarsicht gebeten zu warten; Klarsicht versucht es gleich erneut.</translation>
    </message>
    <message>
        <source>The server at %1 reported an error (HTTP %2): %3</source>
        <translation>Der Server %1 hat einen Fehler gemeldet (HTTP %2): %3</translation>
    </message>
    <message>
        <source>The server at %1 refused the request (HTTP %2): %3</source>
        <translation>Der Server %1 hat die Anfrage abgelehnt (HTTP %2): %3</translation>
    </message>
    <message>
        <source>The server at %1 sent an answer larger than %2 MiB; Klarsicht stopped reading it to keep its memory bounded.</source>
        <translation>Der Server %1 hat eine Antwort von mehr als %2 MiB geschickt; Klarsicht hat das Lesen abgebrochen, damit sein Speicher begrenzt bleibt.</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>No kubeconfig found</source>
        <translation>Keine kubeconfig gefunden</translation>
    </message>
    <message>
        <source>No kubeconfig was found (KUBECONFIG or ~/.kube/config). Start the built-in demo cluster instead?</source>
        <translation>Es wurde keine kubeconfig gefunden (KUBECONFIG oder ~/.kube/config). Stattdessen den eingebauten Demo-Cluster starten?</translation>
    </message>
    <message>
        <source>No kubeconfig found.</source>
        <translation>Keine kubeconfig gefunden.</translation>
    </message>
    <message>
        <source>Starting the demo cluster…</source>
        <translation>Demo-Cluster wird gestartet …</translation>
    </message>
    <message>
        <source>Demo cluster — in a terminal: %1</source>
        <translation>Demo-Cluster — im Terminal: %1</translation>
    </message>
    <message>
        <source>%1 — %2 (TLS verification is off for this cluster)</source>
        <translation>%1 — %2 (TLS-Prüfung ist für diesen Cluster abgeschaltet)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Snapshot of %1, captured %2 (read-only)</source>
        <translation>Momentaufnahme von %1, erstellt %2 (nur lesen)</translation>
    </message>
    <message>
        <source>Klarsicht</source>
        <translation>Klarsicht</translation>
    </message>
    <message>
        <source>metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>no data since %1</source>
        <translation>keine Daten seit %1</translation>
    </message>
    <message>
        <source>Prometheus</source>
        <translation>Prometheus</translation>
    </message>
    <message>
        <source>kubelets (cAdvisor)</source>
        <translation>Kubelets (cAdvisor)</translation>
    </message>
    <message>
        <source>metrics.k8s.io</source>
        <translation>metrics.k8s.io</translation>
    </message>
    <message>
        <source>Metrics: no source delivers</source>
        <translation>Metriken: keine Quelle liefert</translation>
    </message>
    <message>
        <source>Metrics: looking for a source…</source>
        <translation>Metriken: Quelle wird gesucht …</translation>
    </message>
    <message numerus="yes">
        <source>Metrics: %1, every %n s</source>
        <translation>
            <numerusform>Metriken: %1, alle %n s</numerusform>
            <numerusform>Metriken: %1, alle %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>Quelle: %1</translation>
    </message>
    <message>
        <source>In use since %1</source>
        <translation>In Gebrauch seit %1</translation>
    </message>
    <message>
        <source>Newest figures: %1</source>
        <translation>Neueste Werte: %1</translation>
    </message>
    <message>
        <source>Missing: %1</source>
        <translation>Es fehlen: %1</translation>
    </message>
    <message>
        <source>%1 — %2 (unencrypted: http://)</source>
        <translation>%1 — %2 (unverschlüsselt: http://)</translation>
    </message>
    <message numerus="yes">
        <source>%n series not kept (history memory limit %1 reached)</source>
        <translation>
            <numerusform>%n Reihe nicht gespeichert (Speichergrenze des Verlaufs von %1 erreicht)</numerusform>
            <numerusform>%n Reihen nicht gespeichert (Speichergrenze des Verlaufs von %1 erreicht)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>history thinned to %n minute(s) of exact samples (memory limit %1)</source>
        <translation>
            <numerusform>Verlauf ausgedünnt auf %n Minute exakter Messwerte (Speichergrenze %1)</numerusform>
            <numerusform>Verlauf ausgedünnt auf %n Minuten exakter Messwerte (Speichergrenze %1)</numerusform>
        </translation>
    </message>
    <message>
        <source>History: %1 series</source>
        <translation>Verlauf: %1 Reihen</translation>
    </message>
    <message>
        <source>Limited access: only what these credentials may read is shown; other namespaces are hidden, not absent. %1</source>
        <translation>Eingeschränkter Zugriff: Gezeigt wird nur, was diese Anmeldedaten lesen dürfen; andere Namespaces sind verborgen, nicht abwesend. %1</translation>
    </message>
</context>
<context>
    <name>AppOptions</name>
    <message>
        <source>User interface language: de or en (default: the system&apos;s, else en).</source>
        <translation>Sprache der Oberfläche: de oder en (Standard: die des Systems, sonst en).</translation>
    </message>
    <message>
        <source>code</source>
        <translation>Kürzel</translation>
    </message>
    <message>
        <source>Use this kubeconfig file only.</source>
        <translation>Nur diese kubeconfig-Datei verwenden.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>The kubeconfig context to show (default: current).</source>
        <translation>Der anzuzeigende kubeconfig-Kontext (Standard: der aktuelle).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>A namespace to watch where cluster-wide lists are forbidden (repeatable).</source>
        <translation>Ein Namespace, der beobachtet wird, wo clusterweite Listen verboten sind (mehrfach möglich).</translation>
    </message>
    <message>
        <source>Start the built-in demo cluster and show it.</source>
        <translation>Den eingebauten Demo-Cluster starten und anzeigen.</translation>
    </message>
    <message>
        <source>Nodes of the large demo preset.</source>
        <translation>Knoten der Vorlage large.</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Pods of the large demo preset.</source>
        <translation>Pods der Vorlage large.</translation>
    </message>
    <message>
        <source>Seed that makes a demo cluster run reproducible.</source>
        <translation>Startwert, der einen Lauf des Demo-Clusters wiederholbar macht.</translation>
    </message>
    <message>
        <source>Show a snapshot file offline, read-only.</source>
        <translation>Eine Momentaufnahme offline und schreibgeschützt anzeigen.</translation>
    </message>
    <message>
        <source>Prometheus URL for metric history (default: discovered in the cluster).</source>
        <translation>Prometheus-URL für den Metrikverlauf (Standard: im Cluster gefunden).</translation>
    </message>
    <message>
        <source>url</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Demo cluster preset: workshop (default), large or empty.</source>
        <translation>Vorlage des Demo-Clusters: workshop (Standard), large oder empty.</translation>
    </message>
    <message>
        <source>Metrics sampling interval in seconds: 5, 15, 30 or 60 (default: the one last chosen in the View menu, else 15).</source>
        <translation>Abtastintervall der Metriken in Sekunden: 5, 15, 30 oder 60 (Standard: das zuletzt im Menü Ansicht gewählte, sonst 15).</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>--interval must be 5, 15, 30 or 60 (seconds), not &quot;%1&quot;.</source>
        <translation>--interval muss 5, 15, 30 oder 60 (Sekunden) sein, nicht „%1“.</translation>
    </message>
    <message>
        <source>--lang must be de or en, not &quot;%1&quot;.</source>
        <translation>--lang muss de oder en sein, nicht „%1“.</translation>
    </message>
    <message>
        <source>--preset must be workshop, large or empty, not &quot;%1&quot;.</source>
        <translation>--preset muss workshop, large oder empty sein, nicht „%1“.</translation>
    </message>
</context>
<context>
    <name>CaptureCommand</name>
    <message>
        <source>Renders each tab of Klarsicht to a PNG file.</source>
        <translation>Zeichnet jeden Reiter von Klarsicht in eine PNG-Datei.</translation>
    </message>
    <message>
        <source>Folder for the PNG files.</source>
        <translation>Ordner für die PNG-Dateien.</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Longest wait for data, in seconds (default 60).</source>
        <translation>Längste Wartezeit auf Daten in Sekunden (Standard 60).</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>Seconds to let metrics arrive after the objects have loaded (default 5).</source>
        <translation>Sekunden, die nach dem Laden der Objekte auf Metriken gewartet wird (Standard 5).</translation>
    </message>
    <message>
        <source>klarsicht capture: the output folder is missing (--out DIR).</source>
        <translation>klarsicht capture: Der Ausgabeordner fehlt (--out ORDNER).</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message numerus="yes">
        <source>No data arrived within %n seconds.</source>
        <translation>
            <numerusform>Innerhalb von %n Sekunde kamen keine Daten an.</numerusform>
            <numerusform>Innerhalb von %n Sekunden kamen keine Daten an.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>klarsicht capture: %1</source>
        <translation>klarsicht capture: %1</translation>
    </message>
</context>
<context>
    <name>ClusterPage</name>
    <message>
        <source>Node CPU utilisation %</source>
        <translation>CPU-Auslastung der Knoten in %</translation>
    </message>
    <message>
        <source>Node memory utilisation %</source>
        <translation>Speicherauslastung der Knoten in %</translation>
    </message>
    <message>
        <source>% of allocatable</source>
        <translation>% des Zuteilbaren</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Not ready</source>
        <translation>Nicht bereit</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Laufend</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Node count</source>
        <translation>Anzahl Knoten</translation>
    </message>
    <message>
        <source>Active pod count</source>
        <translation>Anzahl aktiver Pods</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Node count (no access to nodes)</source>
        <translation>Anzahl Knoten (kein Zugriff auf Knoten)</translation>
    </message>
</context>
<context>
    <name>ClusterSession</name>
    <message>
        <source>loading</source>
        <translation>wird geladen</translation>
    </message>
    <message>
        <source>live</source>
        <translation>live</translation>
    </message>
    <message>
        <source>stale since %1</source>
        <translation>veraltet seit %1</translation>
    </message>
    <message>
        <source>no access</source>
        <translation>kein Zugriff</translation>
    </message>
    <message>
        <source>only namespaces %1</source>
        <translation>nur Namespaces %1</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>%1: access across the cluster returned</source>
        <translation>%1: Zugriff auf den ganzen Cluster ist wieder da</translation>
    </message>
    <message>
        <source>%1: access withdrawn; they are no longer shown</source>
        <translation>%1: Zugriff entzogen; sie werden nicht mehr angezeigt</translation>
    </message>
    <message>
        <source>%1: access now limited to namespaces %2</source>
        <translation>%1: Zugriff jetzt auf die Namespaces %2 beschränkt</translation>
    </message>
</context>
<context>
    <name>ContainerDetails</name>
    <message>
        <source>Container of pod %1 in namespace %2</source>
        <translation>Container des Pods %1 im Namespace %2</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Container ID:</source>
        <translation>Container-ID:</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>Meldung:</translation>
    </message>
    <message>
        <source>Exit code:</source>
        <translation>Exit-Code:</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>Gestartet:</translation>
    </message>
    <message>
        <source>Finished:</source>
        <translation>Beendet:</translation>
    </message>
    <message>
        <source>Restarts:</source>
        <translation>Neustarts:</translation>
    </message>
    <message>
        <source>Last termination:</source>
        <translation>Letzte Beendigung:</translation>
    </message>
    <message>
        <source>%1 (exit code %2) at %3</source>
        <translation>%1 (Exit-Code %2) am %3</translation>
    </message>
    <message>
        <source>Image ID:</source>
        <translation>Image-ID:</translation>
    </message>
    <message>
        <source>Namespace:</source>
        <translation>Namespace:</translation>
    </message>
    <message>
        <source>Pod created:</source>
        <translation>Pod erstellt:</translation>
    </message>
    <message>
        <source>Image:</source>
        <translation>Image:</translation>
    </message>
    <message>
        <source>Image tag:</source>
        <translation>Image-Tag:</translation>
    </message>
    <message>
        <source>latest (implicit)</source>
        <translation>latest (implizit)</translation>
    </message>
    <message>
        <source>CPU request / limit:</source>
        <translation>CPU-Anforderung / -Limit:</translation>
    </message>
    <message>
        <source>Memory request / limit:</source>
        <translation>Speicher-Anforderung / -Limit:</translation>
    </message>
    <message>
        <source>Ports:</source>
        <translation>Ports:</translation>
    </message>
    <message>
        <source>from Secret %1, key %2</source>
        <translation>aus Secret %1, Schlüssel %2</translation>
    </message>
    <message>
        <source>from ConfigMap %1, key %2</source>
        <translation>aus ConfigMap %1, Schlüssel %2</translation>
    </message>
    <message>
        <source>from field %1</source>
        <translation>aus Feld %1</translation>
    </message>
    <message>
        <source>from resource %1</source>
        <translation>aus Ressource %1</translation>
    </message>
    <message>
        <source>from an unknown source</source>
        <translation>aus unbekannter Quelle</translation>
    </message>
    <message>
        <source>all keys of Secret %1</source>
        <translation>alle Schlüssel von Secret %1</translation>
    </message>
    <message>
        <source>all keys of ConfigMap %1</source>
        <translation>alle Schlüssel von ConfigMap %1</translation>
    </message>
    <message>
        <source>Environment:</source>
        <translation>Umgebung:</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation> (schreibgeschützt)</translation>
    </message>
    <message>
        <source>Mounts:</source>
        <translation>Einhängepunkte:</translation>
    </message>
    <message>
        <source>%1 delay=%2s timeout=%3s period=%4s</source>
        <translation>%1 Verzögerung=%2 s Timeout=%3 s Intervall=%4 s</translation>
    </message>
    <message>
        <source>Liveness probe:</source>
        <translation>Liveness-Probe:</translation>
    </message>
    <message>
        <source>Readiness probe:</source>
        <translation>Readiness-Probe:</translation>
    </message>
    <message>
        <source>Startup probe:</source>
        <translation>Startup-Probe:</translation>
    </message>
    <message>
        <source>Security context:</source>
        <translation>Sicherheitskontext:</translation>
    </message>
</context>
<context>
    <name>ContextsCommand</name>
    <message>
        <source>Lists the contexts of the kubeconfig like kubectl config get-contexts.</source>
        <translation>Listet die Kontexte der kubeconfig wie kubectl config get-contexts auf.</translation>
    </message>
    <message>
        <source>Use this kubeconfig file instead of KUBECONFIG or ~/.kube/config.</source>
        <translation>Diese kubeconfig-Datei statt KUBECONFIG oder ~/.kube/config verwenden.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Output format: only “name” is supported.</source>
        <translation>Ausgabeformat: nur „name“ wird unterstützt.</translation>
    </message>
    <message>
        <source>format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Do not print the header line.</source>
        <translation>Keine Kopfzeile ausgeben.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <source>Only these contexts.</source>
        <translation>Nur diese Kontexte.</translation>
    </message>
    <message>
        <source>[NAME...]</source>
        <translation>[NAME...]</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>error: output must be one of &apos;&apos; or &apos;name&apos;: %1</source>
        <translation>Fehler: Die Ausgabe muss &apos;&apos; oder &apos;name&apos; sein: %1</translation>
    </message>
    <message>
        <source>context %1 not found</source>
        <translation>Kontext %1 nicht gefunden</translation>
    </message>
</context>
<context>
    <name>ControllerDetails</name>
    <message>
        <source>Kind:</source>
        <translation>Art:</translation>
    </message>
    <message>
        <source>Namespace:</source>
        <translation>Namespace:</translation>
    </message>
    <message>
        <source>Replicas:</source>
        <translation>Replikate:</translation>
    </message>
    <message>
        <source>%1 desired, %2 ready, %3 updated, %4 available</source>
        <translation>%1 gewünscht, %2 bereit, %3 aktualisiert, %4 verfügbar</translation>
    </message>
    <message>
        <source>Selector:</source>
        <translation>Selektor:</translation>
    </message>
    <message>
        <source>Schedule:</source>
        <translation>Zeitplan:</translation>
    </message>
    <message>
        <source>Strategy:</source>
        <translation>Strategie:</translation>
    </message>
    <message>
        <source>Pods:</source>
        <translation>Pods:</translation>
    </message>
    <message>
        <source>Containers:</source>
        <translation>Container:</translation>
    </message>
    <message>
        <source>Services:</source>
        <translation>Services:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Erstellt:</translation>
    </message>
    <message>
        <source>Labels:</source>
        <translation>Labels:</translation>
    </message>
    <message>
        <source>Conditions:</source>
        <translation>Bedingungen:</translation>
    </message>
</context>
<context>
    <name>CredentialPromptDialog</name>
    <message>
        <source>Sign-in for %1</source>
        <translation>Anmeldung für %1</translation>
    </message>
    <message>
        <source>The credential plugin of context “%1” asks for your attention:</source>
        <translation>Das Anmelde-Plugin des Kontexts „%1“ braucht Ihre Aufmerksamkeit:</translation>
    </message>
    <message>
        <source>Klarsicht waits for the plugin and connects as soon as it delivers a credential; this window then closes by itself.</source>
        <translation>Klarsicht wartet auf das Plugin und verbindet sich, sobald es eine Anmeldung liefert; dieses Fenster schließt sich dann von selbst.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
</context>
<context>
    <name>Decoders</name>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>ein Wahrheitswert</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>eine ganze Zahl</translation>
    </message>
    <message>
        <source>a quantity (string or number)</source>
        <translation>eine Mengenangabe (Zeichenkette oder Zahl)</translation>
    </message>
    <message>
        <source>expected %1, found %2</source>
        <translation>erwartet wurde %1, gefunden wurde %2</translation>
    </message>
    <message>
        <source>“%1” is not an RFC 3339 time</source>
        <translation>„%1“ ist keine Zeitangabe nach RFC 3339</translation>
    </message>
    <message>
        <source>“%1” is not a duration</source>
        <translation>„%1“ ist keine Zeitdauer</translation>
    </message>
    <message>
        <source>The response is not valid JSON: %1</source>
        <translation>Die Antwort ist kein gültiges JSON: %1</translation>
    </message>
    <message>
        <source>Expected a list object, found an array</source>
        <translation>Erwartet wurde ein Listenobjekt, gefunden wurde ein Array</translation>
    </message>
    <message>
        <source>Expected a list object, found a single value</source>
        <translation>Erwartet wurde ein Listenobjekt, gefunden wurde ein einzelner Wert</translation>
    </message>
    <message>
        <source>items[%1]: expected an object</source>
        <translation>items[%1]: erwartet wurde ein Objekt</translation>
    </message>
    <message>
        <source>items: expected an array</source>
        <translation>items: erwartet wurde ein Array</translation>
    </message>
    <message>
        <source>Unknown watch event type “%1”</source>
        <translation>Unbekannter Watch-Ereignistyp „%1“</translation>
    </message>
    <message>
        <source>The watch event has no object</source>
        <translation>Das Watch-Ereignis enthält kein Objekt</translation>
    </message>
    <message>
        <source>expected %1 at byte %2</source>
        <translation>%1 erwartet bei Byte %2</translation>
    </message>
    <message>
        <source>expected a member name at byte %1</source>
        <translation>Feldname erwartet bei Byte %1</translation>
    </message>
    <message>
        <source>unexpected text after the value at byte %1</source>
        <translation>unerwarteter Text nach dem Wert bei Byte %1</translation>
    </message>
    <message>
        <source>nested too deeply at byte %1</source>
        <translation>zu tief verschachtelt bei Byte %1</translation>
    </message>
    <message>
        <source>expected “,” or “}” at byte %1</source>
        <translation>„,“ oder „}“ erwartet bei Byte %1</translation>
    </message>
    <message>
        <source>expected “,” or “]” at byte %1</source>
        <translation>„,“ oder „]“ erwartet bei Byte %1</translation>
    </message>
    <message>
        <source>unexpected end of the text at byte %1</source>
        <translation>unerwartetes Textende bei Byte %1</translation>
    </message>
    <message>
        <source>unexpected character at byte %1</source>
        <translation>unerwartetes Zeichen bei Byte %1</translation>
    </message>
    <message>
        <source>control character in a string at byte %1</source>
        <translation>Steuerzeichen in einer Zeichenkette bei Byte %1</translation>
    </message>
    <message>
        <source>invalid \u escape at byte %1</source>
        <translation>ungültige \u-Maskierung bei Byte %1</translation>
    </message>
    <message>
        <source>unpaired surrogate in a string at byte %1</source>
        <translation>unvollständiges Surrogatpaar in einer Zeichenkette bei Byte %1</translation>
    </message>
    <message>
        <source>invalid escape in a string at byte %1</source>
        <translation>ungültige Maskierung in einer Zeichenkette bei Byte %1</translation>
    </message>
    <message>
        <source>unterminated string at byte %1</source>
        <translation>nicht abgeschlossene Zeichenkette bei Byte %1</translation>
    </message>
    <message>
        <source>invalid number at byte %1</source>
        <translation>ungültige Zahl bei Byte %1</translation>
    </message>
</context>
<context>
    <name>DemoLauncher</name>
    <message>
        <source>The demo cluster program klarsicht-demo-cluster was not found next to Klarsicht or on PATH.</source>
        <translation>Das Programm klarsicht-demo-cluster wurde weder neben Klarsicht noch im PATH gefunden.</translation>
    </message>
    <message>
        <source>Could not create a temporary folder for the demo cluster: %1</source>
        <translation>Für den Demo-Cluster konnte kein temporärer Ordner angelegt werden: %1</translation>
    </message>
    <message>
        <source>The demo cluster stopped (exit code %1): %2</source>
        <translation>Der Demo-Cluster wurde beendet (Exit-Code %1): %2</translation>
    </message>
    <message numerus="yes">
        <source>The demo cluster did not start within %n seconds.</source>
        <translation>
            <numerusform>Der Demo-Cluster ist nicht innerhalb von %n Sekunde gestartet.</numerusform>
            <numerusform>Der Demo-Cluster ist nicht innerhalb von %n Sekunden gestartet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DetailsForm</name>
    <message>
        <source>Click a label to add it to the label filter</source>
        <translation>Klicken Sie auf ein Label, um es dem Label-Filter hinzuzufügen</translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <source>Select a row to see its details.</source>
        <translation>Wählen Sie eine Zeile, um ihre Details zu sehen.</translation>
    </message>
    <message>
        <source>This object no longer exists.</source>
        <translation>Dieses Objekt existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Allocatable</source>
        <translation>Zuteilbar</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Limit</translation>
    </message>
    <message>
        <source>mc</source>
        <translation>mc</translation>
    </message>
    <message>
        <source>cores</source>
        <translation>Kerne</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>Nutzung</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anforderung</translation>
    </message>
    <message>
        <source>no metrics yet</source>
        <translation>noch keine Metriken</translation>
    </message>
    <message>
        <source>CPU (%1)</source>
        <translation>CPU (%1)</translation>
    </message>
    <message>
        <source>Memory working set (%1)</source>
        <translation>Arbeitsspeicher, Working Set (%1)</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Label selector in kubectl syntax, e.g. app=web,tier!=db,env in (prod,stage)</source>
        <translation>Label-Selektor in kubectl-Syntax, z. B. app=web,tier!=db,env in (prod,stage)</translation>
    </message>
    <message>
        <source>Invalid label selector: %1</source>
        <translation>Ungültiger Label-Selektor: %1</translation>
    </message>
    <message>
        <source>All namespaces</source>
        <translation>Alle Namespaces</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Node pool</source>
        <translation>Knotenpool</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Remove this filter</source>
        <translation>Diesen Filter entfernen</translation>
    </message>
    <message>
        <source>Namespace: %1</source>
        <translation>Namespace: %1</translation>
    </message>
    <message>
        <source>Labels: %1</source>
        <translation>Labels: %1</translation>
    </message>
    <message>
        <source>Node: %1</source>
        <translation>Knoten: %1</translation>
    </message>
    <message>
        <source>Node pool: %1</source>
        <translation>Knotenpool: %1</translation>
    </message>
    <message>
        <source>Service: %1</source>
        <translation>Service: %1</translation>
    </message>
    <message>
        <source>Controller: %1</source>
        <translation>Controller: %1</translation>
    </message>
    <message>
        <source>Pod: %1</source>
        <translation>Pod: %1</translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>Alle entfernen</translation>
    </message>
    <message>
        <source>%1 namespaces</source>
        <translation>%1 Namespaces</translation>
    </message>
    <message>
        <source>Context:</source>
        <translation>Kontext:</translation>
    </message>
    <message>
        <source>Search by name</source>
        <translation>Nach Namen suchen</translation>
    </message>
    <message>
        <source>Label selector, e.g. app=web,env in (prod,stage)</source>
        <translation>Label-Selektor, z. B. app=web,env in (prod,stage)</translation>
    </message>
    <message>
        <source>+ Filter</source>
        <translation>+ Filter</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <source>Statistic over the time range</source>
        <translation>Statistik über den Zeitraum</translation>
    </message>
    <message>
        <source>Time range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Namespaces</source>
        <translation>Namespaces</translation>
    </message>
</context>
<context>
    <name>Formatter</name>
    <message>
        <source>%1 core</source>
        <translation>%1 Kern</translation>
    </message>
    <message>
        <source>%1 cores</source>
        <translation>%1 Kerne</translation>
    </message>
    <message>
        <source>%1%</source>
        <comment>a percentage; German puts a narrow no-break space before %</comment>
        <translation>%1&#x202f;%</translation>
    </message>
    <message>
        <source>%1d %2h</source>
        <comment>days and hours</comment>
        <translation>%1 T %2 Std</translation>
    </message>
    <message>
        <source>%1d</source>
        <comment>days</comment>
        <translation>%1 T</translation>
    </message>
    <message>
        <source>%1h %2m</source>
        <comment>hours and minutes</comment>
        <translation>%1 Std %2 Min</translation>
    </message>
    <message>
        <source>%1h</source>
        <comment>hours</comment>
        <translation>%1 Std</translation>
    </message>
    <message>
        <source>%1m %2s</source>
        <comment>minutes and seconds</comment>
        <translation>%1 Min %2 s</translation>
    </message>
    <message>
        <source>%1m</source>
        <comment>minutes</comment>
        <translation>%1 Min</translation>
    </message>
    <message>
        <source>%1s</source>
        <comment>seconds</comment>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <comment>an age such as 5m</comment>
        <translation>vor %1</translation>
    </message>
    <message>
        <source>yyyy-MM-dd HH:mm</source>
        <comment>date and time pattern of QDateTime::toString</comment>
        <translation>dd.MM.yyyy HH:mm</translation>
    </message>
</context>
<context>
    <name>InsightsModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>Controller</source>
        <translation>Controller</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Pod</source>
        <translation>Pod</translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation>Neustarts</translation>
    </message>
    <message>
        <source>Trend %1 %</source>
        <translation>Trend %1 %</translation>
    </message>
    <message>
        <source>%1 of %2 over the time range, as % of the request</source>
        <translation>%1 von %2 über den Zeitraum, in % der Anforderung</translation>
    </message>
    <message>
        <source>%1 of %2 over the time range, as % of the limit (without a limit: of the node&apos;s allocatable; nodes: of allocatable)</source>
        <translation>%1 von %2 über den Zeitraum, in % des Limits (ohne Limit: des Zuteilbaren des Knotens; Knoten: des Zuteilbaren)</translation>
    </message>
    <message>
        <source>%1 of %2 over the time range</source>
        <translation>%1 von %2 über den Zeitraum</translation>
    </message>
    <message>
        <source>Container restarts since the container was created; the tool tip shows those within the time range</source>
        <translation>Container-Neustarts seit Erstellung des Containers; der Tooltip zeigt die im Zeitraum</translation>
    </message>
    <message>
        <source>%1 % per bar of the time range</source>
        <translation>%1 % je Balken des Zeitraums</translation>
    </message>
    <message>
        <source>Pods not yet scheduled to a node</source>
        <translation>Pods, die noch keinem Knoten zugewiesen sind</translation>
    </message>
    <message>
        <source>Unscheduled</source>
        <translation>Nicht eingeplant</translation>
    </message>
    <message>
        <source>Node usage not accounted to its containers: kubelet, container runtime, system</source>
        <translation>Knotennutzung, die keinem Container zugeordnet ist: Kubelet, Container-Laufzeit, System</translation>
    </message>
    <message>
        <source>Other processes</source>
        <translation>Andere Prozesse</translation>
    </message>
    <message>
        <source>Pods without controller</source>
        <translation>Pods ohne Controller</translation>
    </message>
    <message>
        <source>%1 %2 in namespace %3</source>
        <translation>%1 %2 im Namespace %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No metrics reported for this row yet</source>
        <translation>Für diese Zeile wurden noch keine Metriken gemeldet</translation>
    </message>
    <message>
        <source>Stale: nothing reported for this row recently</source>
        <translation>Veraltet: für diese Zeile wurde zuletzt nichts gemeldet</translation>
    </message>
    <message>
        <source>%1 in total, %2 within the time range</source>
        <translation>%1 insgesamt, %2 im Zeitraum</translation>
    </message>
    <message>
        <source>Since %1</source>
        <translation>Seit %1</translation>
    </message>
    <message>
        <source>%1 nodes</source>
        <translation>%1 Knoten</translation>
    </message>
    <message>
        <source>%1 within the time range, %2 in total</source>
        <translation>%1 im Zeitraum, %2 insgesamt</translation>
    </message>
    <message>
        <source>Pods</source>
        <translation>Pods</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Requests</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Limits</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>Quota</translation>
    </message>
    <message>
        <source>Limit range</source>
        <translation>LimitRange</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>Pods by phase</source>
        <translation>Pods nach Phase</translation>
    </message>
    <message>
        <source>Container restarts within the time range</source>
        <translation>Container-Neustarts im Zeitraum</translation>
    </message>
    <message>
        <source>CPU and memory requested by the containers of the pods that run</source>
        <translation>CPU und Arbeitsspeicher, die die Container der laufenden Pods anfordern</translation>
    </message>
    <message>
        <source>CPU and memory limits of the containers of the pods that run</source>
        <translation>CPU- und Arbeitsspeicher-Limits der Container der laufenden Pods</translation>
    </message>
    <message>
        <source>ResourceQuota use: used of hard per resource, the fullest first</source>
        <translation>ResourceQuota-Nutzung: belegt von hart je Ressource, die vollste zuerst</translation>
    </message>
    <message>
        <source>Whether a LimitRange sets defaults and bounds for containers</source>
        <translation>Ob eine LimitRange Vorgaben und Grenzen für Container setzt</translation>
    </message>
    <message>
        <source>What the NetworkPolicies of the namespace isolate</source>
        <translation>Was die NetworkPolicies des Namespace abschotten</translation>
    </message>
</context>
<context>
    <name>InsightsNames</name>
    <message>
        <source>CPU usage</source>
        <translation>CPU-Nutzung</translation>
    </message>
    <message>
        <source>Memory working set</source>
        <translation>Arbeitsspeicher (Working Set)</translation>
    </message>
    <message>
        <source>Memory RSS</source>
        <translation>Arbeitsspeicher (RSS)</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Min</translation>
    </message>
    <message>
        <source>Avg</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>50th</source>
        <translation>50.</translation>
    </message>
    <message>
        <source>90th</source>
        <translation>90.</translation>
    </message>
    <message>
        <source>95th</source>
        <translation>95.</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Max</translation>
    </message>
</context>
<context>
    <name>Kubeconfig</name>
    <message>
        <source>%1, line %2, column %3: not valid YAML (%4)</source>
        <translation>%1, Zeile %2, Spalte %3: kein gültiges YAML (%4)</translation>
    </message>
    <message>
        <source>%1: not valid YAML (%2)</source>
        <translation>%1: kein gültiges YAML (%2)</translation>
    </message>
    <message>
        <source>%1, line %2: the kubeconfig must be a mapping (clusters:, users:, contexts:, …)</source>
        <translation>%1, Zeile %2: Die kubeconfig muss eine Zuordnung sein (clusters:, users:, contexts:, …)</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <source>a mapping</source>
        <translation>eine Zuordnung</translation>
    </message>
    <message>
        <source>%1, line %2: %3 must be %4</source>
        <translation>%1, Zeile %2: %3 muss %4 sein</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>%1, line %2: %3 is not valid base64</source>
        <translation>%1, Zeile %2: %3 ist kein gültiges Base64</translation>
    </message>
    <message>
        <source>%1, line %2: %3 “%4” is defined twice in this file</source>
        <translation>%1, Zeile %2: %3 „%4“ ist in dieser Datei doppelt definiert</translation>
    </message>
    <message>
        <source>The kubeconfig file %1 does not exist</source>
        <translation>Die kubeconfig-Datei %1 existiert nicht</translation>
    </message>
    <message>
        <source>Cannot read the kubeconfig file %1: %2</source>
        <translation>Die kubeconfig-Datei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1, line %2</source>
        <translation>%1, Zeile %2</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>Datei nicht vorhanden</translation>
    </message>
    <message>
        <source>(no kubeconfig file found)</source>
        <translation>(keine kubeconfig-Datei gefunden)</translation>
    </message>
    <message>
        <source>No current context is set in %1; choose a context</source>
        <translation>In %1 ist kein aktueller Kontext gesetzt; wählen Sie einen Kontext</translation>
    </message>
    <message>
        <source>The context “%1” is not defined in %2</source>
        <translation>Der Kontext „%1“ ist in %2 nicht definiert</translation>
    </message>
    <message>
        <source>The context “%1” (%2) names no cluster</source>
        <translation>Der Kontext „%1“ (%2) nennt keinen Cluster</translation>
    </message>
    <message>
        <source>The context “%1” (%2) refers to the cluster “%3”, which is not defined in %4</source>
        <translation>Der Kontext „%1“ (%2) verweist auf den Cluster „%3“, der in %4 nicht definiert ist</translation>
    </message>
    <message>
        <source>The cluster “%1” (%2) has no server</source>
        <translation>Der Cluster „%1“ (%2) hat keinen Server</translation>
    </message>
    <message>
        <source>The server of the cluster “%1” (%2) is not an https:// or http:// URL: %3</source>
        <translation>Der Server des Clusters „%1“ (%2) ist keine https://- oder http://-URL: %3</translation>
    </message>
    <message>
        <source>The proxy-url of the cluster “%1” (%2) is not a valid URL</source>
        <translation>Die proxy-url des Clusters „%1“ (%2) ist keine gültige URL</translation>
    </message>
    <message>
        <source>Cannot read the certificate authority file %1 of the cluster “%2” (%3): %4</source>
        <translation>Die Zertifizierungsstellen-Datei %1 des Clusters „%2“ (%3) kann nicht gelesen werden: %4</translation>
    </message>
    <message>
        <source>The context “%1” (%2) refers to the user “%3”, which is not defined in %4</source>
        <translation>Der Kontext „%1“ (%2) verweist auf den Benutzer „%3“, der in %4 nicht definiert ist</translation>
    </message>
    <message>
        <source>Cannot read the client certificate file %1 of the user “%2” (%3): %4</source>
        <translation>Die Client-Zertifikatsdatei %1 des Benutzers „%2“ (%3) kann nicht gelesen werden: %4</translation>
    </message>
    <message>
        <source>Cannot read the client key file %1 of the user “%2” (%3): %4</source>
        <translation>Die Client-Schlüsseldatei %1 des Benutzers „%2“ (%3) kann nicht gelesen werden: %4</translation>
    </message>
    <message>
        <source>The user “%1” (%2) has a client certificate without a key, or a key without a certificate</source>
        <translation>Der Benutzer „%1“ (%2) hat ein Client-Zertifikat ohne Schlüssel oder einen Schlüssel ohne Zertifikat</translation>
    </message>
    <message>
        <source>Cannot read the token file %1 of the user “%2” (%3)</source>
        <translation>Die Token-Datei %1 des Benutzers „%2“ (%3) kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>The user “%1” (%2) uses the auth-provider “%3”, which kubectl no longer supports; switch to its exec credential plugin (for example gke-gcloud-auth-plugin or kubelogin)</source>
        <translation>Der Benutzer „%1“ (%2) verwendet den auth-provider „%3“, den kubectl nicht mehr unterstützt; wechseln Sie zu dessen Exec-Credential-Plugin (zum Beispiel gke-gcloud-auth-plugin oder kubelogin)</translation>
    </message>
    <message>
        <source>The user “%1” (%2) uses the oidc auth-provider but has no id-token; log in with your OIDC tool first</source>
        <translation>Der Benutzer „%1“ (%2) verwendet den oidc-auth-provider, hat aber kein id-token; melden Sie sich zuerst mit Ihrem OIDC-Werkzeug an</translation>
    </message>
    <message>
        <source>The exec plugin of the user “%1” (%2) has no command</source>
        <translation>Das Exec-Plugin des Benutzers „%1“ (%2) hat keinen Befehl (command)</translation>
    </message>
    <message>
        <source>The exec plugin of the user “%1” (%2) has no apiVersion (use %3)</source>
        <translation>Das Exec-Plugin des Benutzers „%1“ (%2) hat keine apiVersion (verwenden Sie %3)</translation>
    </message>
    <message>
        <source>The exec plugin of the user “%1” (%2) asks for apiVersion %3; supported are %4 and %5</source>
        <translation>Das Exec-Plugin des Benutzers „%1“ (%2) verlangt apiVersion %3; unterstützt werden %4 und %5</translation>
    </message>
    <message>
        <source>interactiveMode must be specified for %1 to use exec authentication plugin (%2)</source>
        <translation>Für %1 muss interactiveMode angegeben sein, um das Exec-Authentifizierungs-Plugin zu verwenden (%2)</translation>
    </message>
    <message>
        <source>The exec plugin of the user “%1” (%2) has interactiveMode “%3”; use Never, IfAvailable or Always</source>
        <translation>Das Exec-Plugin des Benutzers „%1“ (%2) hat interactiveMode „%3“; verwenden Sie Never, IfAvailable oder Always</translation>
    </message>
    <message>
        <source>Warning: the server of context “%1” is an http:// URL; its credential is sent unencrypted and anyone on the network path can read it. Use https://.</source>
        <translation>Warnung: Der Server des Kontexts „%1“ ist eine http://-Adresse; seine Anmeldedaten gehen unverschlüsselt über das Netz, und jeder auf dem Weg kann sie lesen. Verwenden Sie https://.</translation>
    </message>
    <message>
        <source>The cluster “%1” (%2) sets both insecure-skip-tls-verify and a certificate authority; kubectl refuses this too (“specifying a root certificates file with the insecure flag is not allowed”). Remove one of the two.</source>
        <translation>Der Cluster „%1“ (%2) setzt sowohl insecure-skip-tls-verify als auch eine Zertifizierungsstelle; kubectl lehnt das ebenfalls ab („specifying a root certificates file with the insecure flag is not allowed“). Entfernen Sie eine der beiden Angaben.</translation>
    </message>
</context>
<context>
    <name>LabelSelector</name>
    <message>
        <source>the key prefix &apos;%1&apos; must be a lower-case DNS subdomain such as &apos;example.com&apos;</source>
        <translation>das Schlüsselpräfix „%1“ muss eine DNS-Subdomain in Kleinbuchstaben sein, etwa „example.com“</translation>
    </message>
    <message>
        <source>the key name &apos;%1&apos; must be 1 to 63 characters: letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;, starting and ending with a letter or digit</source>
        <translation>der Schlüsselname „%1“ muss 1 bis 63 Zeichen lang sein: Buchstaben, Ziffern, „-“, „_“ oder „.“, mit einem Buchstaben oder einer Ziffer am Anfang und Ende</translation>
    </message>
    <message>
        <source>the end of the text</source>
        <translation>das Textende</translation>
    </message>
    <message>
        <source>found %1, expected &apos;!&apos;, a key or the end of the text</source>
        <translation>%1 gefunden, erwartet: „!“, ein Schlüssel oder das Textende</translation>
    </message>
    <message>
        <source>found %1, expected &apos;,&apos; or the end of the text</source>
        <translation>%1 gefunden, erwartet: „,“ oder das Textende</translation>
    </message>
    <message>
        <source>found %1, expected a key after &apos;,&apos;</source>
        <translation>%1 gefunden, erwartet: ein Schlüssel nach „,“</translation>
    </message>
    <message>
        <source>found %1, expected a key</source>
        <translation>%1 gefunden, erwartet: ein Schlüssel</translation>
    </message>
    <message>
        <source>found %1, expected one of: in, notin, =, ==, !=, &gt;, &lt;</source>
        <translation>%1 gefunden, erwartet: in, notin, =, ==, !=, &gt;, &lt;</translation>
    </message>
    <message>
        <source>the value &apos;%1&apos; must be at most 63 characters: letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;, starting and ending with a letter or digit</source>
        <translation>der Wert „%1“ darf höchstens 63 Zeichen lang sein: Buchstaben, Ziffern, „-“, „_“ oder „.“, mit einem Buchstaben oder einer Ziffer am Anfang und Ende</translation>
    </message>
    <message>
        <source>found %1, expected a value</source>
        <translation>%1 gefunden, erwartet: ein Wert</translation>
    </message>
    <message>
        <source>&apos;&gt;&apos; and &apos;&lt;&apos; need a whole number, found %1</source>
        <translation>„&gt;“ und „&lt;“ brauchen eine ganze Zahl, gefunden: %1</translation>
    </message>
    <message>
        <source>found %1, expected &apos;(&apos;</source>
        <translation>%1 gefunden, erwartet: „(“</translation>
    </message>
    <message>
        <source>found %1, expected a value, &apos;,&apos; or &apos;)&apos;</source>
        <translation>%1 gefunden, erwartet: ein Wert, „,“ oder „)“</translation>
    </message>
    <message>
        <source>found %1, expected &apos;,&apos; or &apos;)&apos;</source>
        <translation>%1 gefunden, erwartet: „,“ oder „)“</translation>
    </message>
    <message>
        <source>column %1: %2</source>
        <translation>Spalte %1: %2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Controllers</source>
        <translation>Controller</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>About Klarsicht</source>
        <translation>Über Klarsicht</translation>
    </message>
    <message>
        <source>&lt;b&gt;Klarsicht %1&lt;/b&gt;&lt;p&gt;Kubernetes cluster insights on the desktop: nodes, controllers and containers with CPU and memory trends, live.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Klarsicht %1&lt;/b&gt;&lt;p&gt;Kubernetes-Cluster-Einblicke auf dem Desktop: Knoten, Controller und Container mit CPU- und Speicherverläufen, live.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Klarsicht — Kubernetes insights</source>
        <translation>Klarsicht — Kubernetes-Einblicke</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Klarsicht</source>
        <translation>Ü&amp;ber Klarsicht</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>live</source>
        <translation>live</translation>
    </message>
    <message>
        <source>%1 of %2 resources not live</source>
        <translation>%1 von %2 Ressourcen nicht live</translation>
    </message>
    <message>
        <source>&amp;Details pane</source>
        <translation>&amp;Detailbereich</translation>
    </message>
    <message>
        <source>&amp;Sampling interval</source>
        <translation>&amp;Abtastintervall</translation>
    </message>
    <message numerus="yes">
        <source>Every %n second(s)</source>
        <translation>
            <numerusform>Jede Sekunde</numerusform>
            <numerusform>Alle %n Sekunden</numerusform>
        </translation>
    </message>
    <message>
        <source>live, limited access to %1 of %2 resources</source>
        <translation>live, eingeschränkter Zugriff auf %1 von %2 Ressourcen</translation>
    </message>
    <message>
        <source>Namespaces</source>
        <translation>Namespaces</translation>
    </message>
</context>
<context>
    <name>NamespaceDetails</name>
    <message>
        <source>Not readable with these credentials</source>
        <translation>Mit diesen Anmeldedaten nicht lesbar</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Erstellt:</translation>
    </message>
    <message>
        <source>Pods:</source>
        <translation>Pods:</translation>
    </message>
    <message>
        <source>Containers:</source>
        <translation>Container:</translation>
    </message>
    <message>
        <source>Workloads:</source>
        <translation>Workloads:</translation>
    </message>
    <message>
        <source>Labels:</source>
        <translation>Labels:</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>Resource quotas</source>
        <translation>ResourceQuotas</translation>
    </message>
    <message>
        <source>No ResourceQuota: the namespace may use what the nodes have</source>
        <translation>Keine ResourceQuota: Der Namespace darf nutzen, was die Knoten haben</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>applies to every pod</source>
        <translation>gilt für jeden Pod</translation>
    </message>
    <message>
        <source>scopes: %1</source>
        <translation>Geltungsbereiche: %1</translation>
    </message>
    <message>
        <source>%1 of %2 · %3</source>
        <translation>%1 von %2 · %3</translation>
    </message>
    <message>
        <source>Limit ranges</source>
        <translation>LimitRanges</translation>
    </message>
    <message>
        <source>No LimitRange: containers get no defaults</source>
        <translation>Keine LimitRange: Container erhalten keine Vorgaben</translation>
    </message>
    <message>
        <source>%1, %2:</source>
        <translation>%1, %2:</translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation>Vorgabe: %1</translation>
    </message>
    <message>
        <source>default request: %1</source>
        <translation>Vorgabe-Request: %1</translation>
    </message>
    <message>
        <source>min: %1</source>
        <translation>Minimum: %1</translation>
    </message>
    <message>
        <source>max: %1</source>
        <translation>Maximum: %1</translation>
    </message>
    <message>
        <source>max limit/request ratio: %1</source>
        <translation>höchstes Verhältnis Limit/Request: %1</translation>
    </message>
    <message>
        <source>Network policies: %1</source>
        <translation>NetworkPolicies: %1</translation>
    </message>
    <message>
        <source>No NetworkPolicy: every pod may send and receive traffic</source>
        <translation>Keine NetworkPolicy: Jeder Pod darf senden und empfangen</translation>
    </message>
    <message>
        <source>Your access here</source>
        <translation>Ihr Zugriff hier</translation>
    </message>
    <message>
        <source>Not known: this is a snapshot</source>
        <translation>Unbekannt: Dies ist ein Schnappschuss</translation>
    </message>
    <message>
        <source>Asking the API server…</source>
        <translation>Der API-Server wird gefragt …</translation>
    </message>
    <message>
        <source>The access review failed: %1</source>
        <translation>Die Zugriffsprüfung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Allowed:</source>
        <translation>Erlaubt:</translation>
    </message>
    <message>
        <source>Denied:</source>
        <translation>Verweigert:</translation>
    </message>
    <message>
        <source>The server&apos;s list is incomplete: a denial here may still be allowed by another authorizer</source>
        <translation>Die Liste des Servers ist unvollständig: Was hier verweigert ist, kann ein anderer Autorisierer doch erlauben</translation>
    </message>
</context>
<context>
    <name>NamespaceFigures</name>
    <message>
        <source>Terminating</source>
        <translation>Wird beendet</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
</context>
<context>
    <name>NamespacesModel</name>
    <message>
        <source>Not readable</source>
        <translation>Nicht lesbar</translation>
    </message>
    <message numerus="yes">
        <source>%n pod(s) by phase: %1</source>
        <translation>
            <numerusform>%n Pod nach Phase: %1</numerusform>
            <numerusform>%n Pods nach Phase: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Limits of %n running pod(s): CPU %1, memory %2</source>
        <translation>
            <numerusform>Limits von %n laufendem Pod: CPU %1, Arbeitsspeicher %2</numerusform>
            <numerusform>Limits von %n laufenden Pods: CPU %1, Arbeitsspeicher %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Requests of %n running pod(s): CPU %1, memory %2</source>
        <translation>
            <numerusform>Requests von %n laufendem Pod: CPU %1, Arbeitsspeicher %2</numerusform>
            <numerusform>Requests von %n laufenden Pods: CPU %1, Arbeitsspeicher %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Containers without a limit: %1 for CPU, %2 for memory</source>
        <translation>Container ohne Limit: %1 für CPU, %2 für Arbeitsspeicher</translation>
    </message>
    <message>
        <source>Containers without a request: %1 for CPU, %2 for memory</source>
        <translation>Container ohne Request: %1 für CPU, %2 für Arbeitsspeicher</translation>
    </message>
    <message>
        <source>No ResourceQuota in this namespace</source>
        <translation>Keine ResourceQuota in diesem Namespace</translation>
    </message>
    <message>
        <source>%1 (+%2)</source>
        <translation>%1 (+%2)</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message>
        <source>No LimitRange in this namespace</source>
        <translation>Keine LimitRange in diesem Namespace</translation>
    </message>
    <message>
        <source>default %1</source>
        <translation>Vorgabe %1</translation>
    </message>
    <message>
        <source>default request %1</source>
        <translation>Vorgabe-Request %1</translation>
    </message>
    <message>
        <source>min %1</source>
        <translation>Minimum %1</translation>
    </message>
    <message>
        <source>max %1</source>
        <translation>Maximum %1</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n policy(ies)</source>
        <translation>
            <numerusform>%1 · %n Policy</numerusform>
            <numerusform>%1 · %n Policies</numerusform>
        </translation>
    </message>
    <message>
        <source>No NetworkPolicy: every pod may send and receive traffic</source>
        <translation>Keine NetworkPolicy: Jeder Pod darf senden und empfangen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The Namespace object is not readable with these credentials</source>
        <translation>Das Namespace-Objekt ist mit diesen Anmeldedaten nicht lesbar</translation>
    </message>
</context>
<context>
    <name>NetworkPolicySummary</name>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>ingress and egress isolated</source>
        <translation>eingehend und ausgehend abgeschottet</translation>
    </message>
    <message>
        <source>ingress and egress isolated (some pods)</source>
        <translation>eingehend und ausgehend abgeschottet (einige Pods)</translation>
    </message>
    <message>
        <source>ingress isolated</source>
        <translation>eingehend abgeschottet</translation>
    </message>
    <message>
        <source>ingress isolated (some pods)</source>
        <translation>eingehend abgeschottet (einige Pods)</translation>
    </message>
    <message>
        <source>egress isolated</source>
        <translation>ausgehend abgeschottet</translation>
    </message>
    <message>
        <source>egress isolated (some pods)</source>
        <translation>ausgehend abgeschottet (einige Pods)</translation>
    </message>
    <message>
        <source>%1 in (%2)</source>
        <translation>%1 in (%2)</translation>
    </message>
    <message>
        <source>%1 not in (%2)</source>
        <translation>%1 nicht in (%2)</translation>
    </message>
    <message>
        <source>%1 except %2</source>
        <translation>%1 außer %2</translation>
    </message>
    <message>
        <source>every pod in this namespace</source>
        <translation>jedem Pod in diesem Namespace</translation>
    </message>
    <message>
        <source>pods with %1 in this namespace</source>
        <translation>Pods mit %1 in diesem Namespace</translation>
    </message>
    <message>
        <source>every pod in every namespace</source>
        <translation>jedem Pod in jedem Namespace</translation>
    </message>
    <message>
        <source>pods with %1 in every namespace</source>
        <translation>Pods mit %1 in jedem Namespace</translation>
    </message>
    <message>
        <source>every pod in namespaces with %1</source>
        <translation>jedem Pod in Namespaces mit %1</translation>
    </message>
    <message>
        <source>pods with %1 in namespaces with %2</source>
        <translation>Pods mit %1 in Namespaces mit %2</translation>
    </message>
    <message>
        <source>every port</source>
        <translation>jedem Port</translation>
    </message>
    <message>
        <source>every %1 port</source>
        <translation>jedem %1-Port</translation>
    </message>
    <message>
        <source>anywhere</source>
        <translation>überall</translation>
    </message>
    <message>
        <source>Denies all incoming traffic</source>
        <translation>Verbietet jeden eingehenden Verkehr</translation>
    </message>
    <message>
        <source>Denies traffic from other namespaces</source>
        <translation>Verbietet Verkehr aus anderen Namespaces</translation>
    </message>
    <message>
        <source>Limits incoming traffic</source>
        <translation>Beschränkt eingehenden Verkehr</translation>
    </message>
    <message>
        <source>Denies all outgoing traffic</source>
        <translation>Verbietet jeden ausgehenden Verkehr</translation>
    </message>
    <message>
        <source>Limits outgoing traffic</source>
        <translation>Beschränkt ausgehenden Verkehr</translation>
    </message>
    <message>
        <source>Isolates nothing</source>
        <translation>Schottet nichts ab</translation>
    </message>
    <message>
        <source>Applies to every pod in the namespace</source>
        <translation>Gilt für jeden Pod im Namespace</translation>
    </message>
    <message>
        <source>Applies to pods with %1</source>
        <translation>Gilt für Pods mit %1</translation>
    </message>
    <message>
        <source>Nothing may come in</source>
        <translation>Nichts darf herein</translation>
    </message>
    <message>
        <source>In from %1 on %2</source>
        <translation>Herein von %1 auf %2</translation>
    </message>
    <message>
        <source>Nothing may go out</source>
        <translation>Nichts darf hinaus</translation>
    </message>
    <message>
        <source>Out to %1 on %2</source>
        <translation>Hinaus zu %1 auf %2</translation>
    </message>
    <message>
        <source>Neither ingress nor egress is in its policy types</source>
        <translation>Weder Ingress noch Egress steht in ihren Policy-Typen</translation>
    </message>
</context>
<context>
    <name>NodeDetails</name>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Conditions:</source>
        <translation>Bedingungen:</translation>
    </message>
    <message>
        <source>Roles:</source>
        <translation>Rollen:</translation>
    </message>
    <message>
        <source>Node pool:</source>
        <translation>Knotenpool:</translation>
    </message>
    <message>
        <source>Kubelet version:</source>
        <translation>Kubelet-Version:</translation>
    </message>
    <message>
        <source>Kube-proxy version:</source>
        <translation>Kube-Proxy-Version:</translation>
    </message>
    <message>
        <source>Container runtime:</source>
        <translation>Container-Laufzeit:</translation>
    </message>
    <message>
        <source>OS image:</source>
        <translation>Betriebssystem-Image:</translation>
    </message>
    <message>
        <source>Kernel:</source>
        <translation>Kernel:</translation>
    </message>
    <message>
        <source>Architecture:</source>
        <translation>Architektur:</translation>
    </message>
    <message>
        <source>Internal IP:</source>
        <translation>Interne IP:</translation>
    </message>
    <message>
        <source>Capacity:</source>
        <translation>Kapazität:</translation>
    </message>
    <message>
        <source>CPU %1, memory %2, pods %3, disk %4</source>
        <translation>CPU %1, Speicher %2, Pods %3, Datenträger %4</translation>
    </message>
    <message>
        <source>Allocatable:</source>
        <translation>Zuteilbar:</translation>
    </message>
    <message>
        <source>Taints:</source>
        <translation>Taints:</translation>
    </message>
    <message>
        <source>Pods:</source>
        <translation>Pods:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Erstellt:</translation>
    </message>
    <message>
        <source>Labels:</source>
        <translation>Labels:</translation>
    </message>
    <message>
        <source>Annotations:</source>
        <translation>Annotationen:</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
</context>
<context>
    <name>PodDetails</name>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Phase:</source>
        <translation>Phase:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Grund:</translation>
    </message>
    <message>
        <source>Node:</source>
        <translation>Knoten:</translation>
    </message>
    <message>
        <source>Pod IPs:</source>
        <translation>Pod-IPs:</translation>
    </message>
    <message>
        <source>Node IP:</source>
        <translation>Knoten-IP:</translation>
    </message>
    <message>
        <source>QoS class:</source>
        <translation>QoS-Klasse:</translation>
    </message>
    <message>
        <source>Controller:</source>
        <translation>Controller:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Erstellt:</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>Gestartet:</translation>
    </message>
    <message>
        <source>UID:</source>
        <translation>UID:</translation>
    </message>
    <message>
        <source>%1: CPU %2 / %3, memory %4 / %5 (request / limit)</source>
        <translation>%1: CPU %2 / %3, Speicher %4 / %5 (Anforderung / Limit)</translation>
    </message>
    <message>
        <source>Resources:</source>
        <translation>Ressourcen:</translation>
    </message>
    <message>
        <source>Restarts:</source>
        <translation>Neustarts:</translation>
    </message>
    <message>
        <source>Labels:</source>
        <translation>Labels:</translation>
    </message>
    <message>
        <source>Pod in namespace %1</source>
        <translation>Pod im Namespace %1</translation>
    </message>
</context>
<context>
    <name>Quantity</name>
    <message>
        <source>“%1” is not a quantity (expected a number with an optional suffix such as 100m, 1.5Gi or 1e3)</source>
        <translation>„%1“ ist keine Mengenangabe (erwartet wird eine Zahl mit optionalem Suffix wie 100m, 1.5Gi oder 1e3)</translation>
    </message>
    <message>
        <source>“%1” has an unknown quantity suffix “%2” (known: n u m k M G T P E, Ki Mi Gi Ti Pi Ei, e&lt;exponent&gt;)</source>
        <translation>„%1“ hat ein unbekanntes Mengen-Suffix „%2“ (bekannt: n u m k M G T P E, Ki Mi Gi Ti Pi Ei, e&lt;Exponent&gt;)</translation>
    </message>
    <message>
        <source>“%1” is out of the range of quantities this program can hold</source>
        <translation>„%1“ liegt außerhalb des Bereichs, den dieses Programm darstellen kann</translation>
    </message>
</context>
<context>
    <name>RowStatus</name>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Running, not ready</source>
        <translation>Läuft, nicht bereit</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Terminated: %1</source>
        <translation>Beendet: %1</translation>
    </message>
    <message>
        <source>Terminating</source>
        <translation>Wird beendet</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Not ready</source>
        <translation>Nicht bereit</translation>
    </message>
    <message>
        <source>%1, scheduling disabled</source>
        <translation>%1, Einplanung deaktiviert</translation>
    </message>
</context>
<context>
    <name>RulesReview</name>
    <message>
        <source>The access review answer is not a JSON object</source>
        <translation>Die Antwort der Zugriffsprüfung ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>The access review answer has no status</source>
        <translation>Die Antwort der Zugriffsprüfung hat keinen Status</translation>
    </message>
</context>
<context>
    <name>SnapshotCommand</name>
    <message>
        <source>Writes what the screens show as a JSON snapshot.</source>
        <translation>Schreibt, was die Ansichten zeigen, als JSON-Momentaufnahme.</translation>
    </message>
    <message>
        <source>The snapshot file to write.</source>
        <translation>Die zu schreibende Datei.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Use this kubeconfig file only.</source>
        <translation>Nur diese kubeconfig-Datei verwenden.</translation>
    </message>
    <message>
        <source>The kubeconfig context (default: current).</source>
        <translation>Der kubeconfig-Kontext (Standard: der aktuelle).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Metric samples to take (default 1).</source>
        <translation>Anzahl der Metrikproben (Standard 1).</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Seconds between metric samples (default 15).</source>
        <translation>Sekunden zwischen den Metrikproben (Standard 15).</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>klarsicht snapshot: the output file is missing (-o FILE).</source>
        <translation>klarsicht snapshot: Die Ausgabedatei fehlt (-o DATEI).</translation>
    </message>
    <message>
        <source>klarsicht snapshot: --samples needs a whole number ≥ 0 and --interval one ≥ 1.</source>
        <translation>klarsicht snapshot: --samples braucht eine ganze Zahl ≥ 0 und --interval eine ≥ 1.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>A namespace to list when the cluster-wide list is forbidden (besides the context&apos;s namespace; may be given more than once).</source>
        <translation>Ein Namespace, der gelistet wird, wenn das clusterweite Listen verboten ist (zusätzlich zum Namespace des Kontexts; mehrfach angebbar).</translation>
    </message>
    <message>
        <source>How long to wait for the lists, like kubectl&apos;s flag: 30s, 2m, 0 for no limit (default 60s).</source>
        <translation>Wie lange auf die Listen gewartet wird, wie bei kubectl: 30s, 2m, 0 für ohne Grenze (Standard 60s).</translation>
    </message>
    <message>
        <source>duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Keep following the cluster this many seconds after the lists, then write what the window would show at that moment.</source>
        <translation>Dem Cluster nach den Listen so viele Sekunden weiter folgen und dann schreiben, was das Fenster in diesem Moment zeigen würde.</translation>
    </message>
    <message>
        <source>klarsicht snapshot: --watch needs a whole number of seconds ≥ 0 and --request-timeout a duration such as 30s, 2m or 0.</source>
        <translation>klarsicht snapshot: --watch braucht eine ganze Zahl von Sekunden ≥ 0 und --request-timeout eine Dauer wie 30s, 2m oder 0.</translation>
    </message>
    <message>
        <source>Following the cluster for %1 s…</source>
        <translation>Folge dem Cluster %1 s lang…</translation>
    </message>
    <message>
        <source>only the namespaces %1 (%2)</source>
        <translation>nur die Namespaces %1 (%2)</translation>
    </message>
    <message>
        <source>not listed within the request timeout: %1</source>
        <translation>nicht innerhalb der Anfrage-Zeitgrenze gelistet: %1</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
</context>
<context>
    <name>SnapshotReader</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a Klarsicht snapshot.</source>
        <translation>%1 ist keine Klarsicht-Momentaufnahme.</translation>
    </message>
    <message>
        <source>%1 is not valid JSON: %2</source>
        <translation>%1 ist kein gültiges JSON: %2</translation>
    </message>
    <message>
        <source>%1 was written by a newer Klarsicht (format %2).</source>
        <translation>%1 wurde von einer neueren Klarsicht-Version geschrieben (Format %2).</translation>
    </message>
    <message>
        <source>The list “%1” in %2 is damaged: %3</source>
        <translation>Die Liste „%1“ in %2 ist beschädigt: %3</translation>
    </message>
</context>
<context>
    <name>Thresholds</name>
    <message>
        <source>The warning threshold (%1%) must be above 0 and not above the critical threshold (%2%).</source>
        <translation>Die Warnschwelle (%1 %) muss über 0 und darf nicht über der kritischen Schwelle (%2 %) liegen.</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>Keine Daten</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>Veraltet</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
</context>
<context>
    <name>TimeRange</name>
    <message>
        <source>Last 30 minutes</source>
        <translation>Letzte 30 Minuten</translation>
    </message>
    <message>
        <source>30 min</source>
        <translation>30 Min.</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 Std.</translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation>Letzte 6 Stunden</translation>
    </message>
    <message>
        <source>6 h</source>
        <translation>6 Std.</translation>
    </message>
    <message>
        <source>Last 12 hours</source>
        <translation>Letzte 12 Stunden</translation>
    </message>
    <message>
        <source>12 h</source>
        <translation>12 Std.</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 Std.</translation>
    </message>
    <message>
        <source>Last 3 days</source>
        <translation>Letzte 3 Tage</translation>
    </message>
    <message>
        <source>3 d</source>
        <translation>3 T.</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>7 d</source>
        <translation>7 T.</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>30 d</source>
        <translation>30 T.</translation>
    </message>
</context>
<context>
    <name>Utilisation</name>
    <message>
        <source>no reference</source>
        <translation>ohne Bezugsgröße</translation>
    </message>
    <message>
        <source>of limit</source>
        <translation>des Limits</translation>
    </message>
    <message>
        <source>of request</source>
        <translation>der Anforderung</translation>
    </message>
    <message>
        <source>of node allocatable</source>
        <translation>der zuweisbaren Knotenressourcen</translation>
    </message>
</context>
<context>
    <name>kube::ExecCredentialProvider</name>
    <message>
        <source>exec: executable %1 not found (user “%2”; searched PATH and your login shell’s PATH). It looks like you are trying to use a client-go credential plugin that is not installed.</source>
        <translation>exec: Programm %1 nicht gefunden (Benutzer „%2“; durchsucht wurden PATH und der PATH Ihrer Login-Shell). Offenbar verwenden Sie ein client-go-Credential-Plugin, das nicht installiert ist.</translation>
    </message>
    <message>
        <source>exec: the credential plugin %1 of user “%2” needs an interactive terminal (interactiveMode: Always); run it once in a terminal or start Klarsicht from one</source>
        <translation>exec: Das Credential-Plugin %1 des Benutzers „%2“ braucht ein interaktives Terminal (interactiveMode: Always); führen Sie es einmal in einem Terminal aus oder starten Sie Klarsicht aus einem Terminal</translation>
    </message>
    <message>
        <source>exec: executable %1 could not be started: %2</source>
        <translation>exec: Programm %1 konnte nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>exec: executable %1 failed with exit code %2</source>
        <translation>exec: Programm %1 ist mit Exit-Code %2 fehlgeschlagen</translation>
    </message>
    <message>
        <source>exec: executable %1 crashed</source>
        <translation>exec: Programm %1 ist abgestürzt</translation>
    </message>
    <message>
        <source>exec plugin %1</source>
        <translation>Exec-Plugin %1</translation>
    </message>
    <message>
        <source>%1 did not print an ExecCredential JSON object</source>
        <translation>%1 hat kein ExecCredential-JSON-Objekt ausgegeben</translation>
    </message>
    <message>
        <source>%1 printed an object whose kind is not ExecCredential</source>
        <translation>%1 hat ein Objekt ausgegeben, dessen kind nicht ExecCredential ist</translation>
    </message>
    <message>
        <source>%1 answered with apiVersion %2, but the kubeconfig asks for %3</source>
        <translation>%1 hat mit apiVersion %2 geantwortet, die kubeconfig verlangt aber %3</translation>
    </message>
    <message>
        <source>%1 didn&apos;t return a status field</source>
        <translation>%1 hat kein status-Feld geliefert</translation>
    </message>
    <message>
        <source>%1 returned only certificate or key, not both</source>
        <translation>%1 hat nur Zertifikat oder Schlüssel geliefert, nicht beides</translation>
    </message>
    <message>
        <source>%1 didn&apos;t return a token or cert/key pair</source>
        <translation>%1 hat weder ein Token noch ein Zertifikat/Schlüssel-Paar geliefert</translation>
    </message>
    <message>
        <source>%1 returned an expirationTimestamp that is not an RFC 3339 time</source>
        <translation>%1 hat einen expirationTimestamp geliefert, der keine Zeitangabe nach RFC 3339 ist</translation>
    </message>
    <message numerus="yes">
        <source>exec: executable %1 did not answer within %n second(s)</source>
        <translation>
            <numerusform>exec: Programm %1 hat nicht innerhalb von %n Sekunde geantwortet</numerusform>
            <numerusform>exec: Programm %1 hat nicht innerhalb von %n Sekunden geantwortet</numerusform>
        </translation>
    </message>
    <message>
        <source>exec: executable %1 wrote more than %2 KiB to standard output; an ExecCredential is much smaller</source>
        <translation>exec: Das Programm %1 hat mehr als %2 KiB auf die Standardausgabe geschrieben; ein ExecCredential ist viel kleiner</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Kubernetes cluster insights on the desktop.

Sub-commands: contexts, snapshot, capture (klarsicht COMMAND --help).</source>
        <translation>Einblicke in Kubernetes-Cluster auf dem Desktop.

Unterbefehle: contexts, snapshot, capture (klarsicht BEFEHL --help).</translation>
    </message>
</context>
</TS>
