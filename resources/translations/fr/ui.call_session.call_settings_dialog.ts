<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>CallSettingsDialog</name>
    <message>
        <source>Call settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When nobody answers, the prospect comes back in the queue a few working days later. After several unanswered calls in a row it is marked unreachable and leaves the cycle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> working days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call again &amp;after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unreachable after (unanswered calls):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
