<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>DevicesPanel</name>
    <message numerus="yes">
        <source>%n device(s) known to HQ.</source>
        <translation>
            <numerusform>%n device known to HQ.</numerusform>
            <numerusform>%n devices known to HQ.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindingsPage</name>
    <message numerus="yes">
        <source>%n photo(s). Attach more with Attach photos…</source>
        <translation>
            <numerusform>%n photo. Attach more with Attach photos…</numerusform>
            <numerusform>%n photos. Attach more with Attach photos…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message numerus="yes">
        <source>Too many wrong PINs: try again in %n second(s).</source>
        <translation>
            <numerusform>Too many wrong PINs: try again in %n second.</numerusform>
            <numerusform>Too many wrong PINs: try again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhotoPicker</name>
    <message numerus="yes">
        <source>%n photo(s) to attach: %1</source>
        <translation>
            <numerusform>%n photo to attach: %1</numerusform>
            <numerusform>%n photos to attach: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordHistoryDialog</name>
    <message numerus="yes">
        <source>%n version(s), newest first</source>
        <translation>
            <numerusform>%n version, newest first</numerusform>
            <numerusform>%n versions, newest first</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message numerus="yes">
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n change waiting</numerusform>
            <numerusform>%n changes waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sync issue(s)</source>
        <translation>
            <numerusform>%n sync issue</numerusform>
            <numerusform>%n sync issues</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message numerus="yes">
        <source>The window locked after %n min without use. Everything typed is kept.</source>
        <translation>
            <numerusform>The window locked after %n min without use. Everything typed is kept.</numerusform>
            <numerusform>The window locked after %n min without use. Everything typed is kept.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportPhotos</name>
    <message numerus="yes">
        <source>%n photo(s).</source>
        <translation>
            <numerusform>%n photo.</numerusform>
            <numerusform>%n photos.</numerusform>
        </translation>
    </message>
</context>
</TS>
