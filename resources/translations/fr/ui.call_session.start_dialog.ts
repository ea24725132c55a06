<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>StartCallingDialog</name>
    <message>
        <source>Start calling</source>
        <extracomment>Names of left-out prospects listed in the dialog (the rest are counted).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whom to call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Follow-ups due today and overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Never contacted prospects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prospects with the &amp;tag:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list as &amp;filtered ({n} prospects)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The &amp;selected prospects ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients and lost prospects shown in the list are called too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A &amp;number of calls:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A time &amp;box:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} prospects to call, most urgent first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody to call from here. Choose another source, or add prospects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left out: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>and {n} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add their numbers in the list to call them next time.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
