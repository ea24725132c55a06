<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>TalkTrackPanel</name>
    <message>
        <source>Talk track</source>
        <translation>Script d&apos;appel</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Edit your talk tracks</source>
        <translation>Modifier vos scripts d&apos;appel</translation>
    </message>
    <message>
        <source>Talk track: {name}</source>
        <translation>Script : {name}</translation>
    </message>
    <message>
        <source>Opener</source>
        <translation>Accroche</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Questions</translation>
    </message>
    <message>
        <source>Objections</source>
        <translation>Objections</translation>
    </message>
</context>
</TS>
