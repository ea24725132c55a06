<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>OutcomeBar</name>
    <message>
        <source>{label} (key {key})</source>
        <translation>{label} (touche {key})</translation>
    </message>
    <message>
        <source>S  Skip</source>
        <translation>S  Passer</translation>
    </message>
    <message>
        <source>Move on without calling (key S)</source>
        <translation>Passer sans appeler (touche S)</translation>
    </message>
</context>
</TS>
