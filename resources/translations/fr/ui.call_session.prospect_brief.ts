<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>ProspectBrief</name>
    <message>
        <source>Their problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How we help them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why now: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not written down yet: ask what worries them, and note it below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not written down yet: what could you change for them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last: {activities}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First contact: nothing recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
