<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>OutcomeBar</name>
    <message>
        <source>{label} (key {key})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S  Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move on without calling (key S)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
