<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
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
        <source>Not connected to a cluster.</source>
        <translation>Mit keinem Cluster verbunden.</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
</context>
</TS>
