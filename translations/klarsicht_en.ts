<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AppController</name>
    <message numerus="yes">
        <source>Metrics: %1, every %n s</source>
        <translation>
            <numerusform>Metrics: %1, every %n s</numerusform>
            <numerusform>Metrics: %1, every %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n series not kept (history memory limit %1 reached)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>history thinned to %n minute(s) of exact samples (memory limit %1)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaptureCommand</name>
    <message numerus="yes">
        <source>No data arrived within %n seconds.</source>
        <translation>
            <numerusform>No data arrived within %n second.</numerusform>
            <numerusform>No data arrived within %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DemoLauncher</name>
    <message numerus="yes">
        <source>The demo cluster did not start within %n seconds.</source>
        <translation>
            <numerusform>The demo cluster did not start within %n second.</numerusform>
            <numerusform>The demo cluster did not start within %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Every %n second(s)</source>
        <translation>
            <numerusform>Every second</numerusform>
            <numerusform>Every %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NamespacesModel</name>
    <message numerus="yes">
        <source>%n pod(s) by phase: %1</source>
        <translation>
            <numerusform>%n pod by phase: %1</numerusform>
            <numerusform>%n pods by phase: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Limits of %n running pod(s): CPU %1, memory %2</source>
        <translation>
            <numerusform>Limits of %n running pod: CPU %1, memory %2</numerusform>
            <numerusform>Limits of %n running pods: CPU %1, memory %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Requests of %n running pod(s): CPU %1, memory %2</source>
        <translation>
            <numerusform>Requests of %n running pod: CPU %1, memory %2</numerusform>
            <numerusform>Requests of %n running pods: CPU %1, memory %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n policy(ies)</source>
        <translation>
            <numerusform>%1 · %n policy</numerusform>
            <numerusform>%1 · %n policies</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kube::ExecCredentialProvider</name>
    <message numerus="yes">
        <source>exec: executable %1 did not answer within %n second(s)</source>
        <translation>
            <numerusform>exec: executable %1 did not answer within %n second</numerusform>
            <numerusform>exec: executable %1 did not answer within %n seconds</numerusform>
        </translation>
    </message>
</context>
</TS>
