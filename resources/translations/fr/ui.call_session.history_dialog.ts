<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>SessionHistoryDialog</name>
    <message>
        <source>Call sessions</source>
        <translation>Sessions d&apos;appels</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Appels</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>Joints</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Rendez-vous</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Relances</translation>
    </message>
    <message>
        <source>Talk time</source>
        <translation>Temps de conversation</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>No call session yet. Start one with “Start calling” (Ctrl+Return).</source>
        <translation>Aucune session d&apos;appels pour l&apos;instant. Lancez-en une avec « Commencer à appeler » (Ctrl+Entrée).</translation>
    </message>
</context>
</TS>
