<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>SessionSummaryDialog</name>
    <message>
        <source>Well done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>calls: {n} in {minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>people reached: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conversations: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>meetings booked: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>follow-ups scheduled: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reach rate {rate}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>talk time {talk}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No call this time. The next session starts with one number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>meetings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This week: {parts}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>streak {n} wk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
