<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>TalkTrackPanel</name>
    <message>
        <source>Talk track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit your talk tracks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Talk track: {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
