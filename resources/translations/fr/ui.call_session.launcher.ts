<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name></name>
    <message>
        <source>&amp;Start calling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work through a batch of calls, one key per outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▶ Start calling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session &amp;history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Past call sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Talk tracks…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit your call scripts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call &amp;settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When to call again, when to give up</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>box</name>
    <message>
        <source>Resume your call session?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your call session of {started} was interrupted at {n} / {total}{name}. Go on where you stopped?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
