<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>TalkTrackEditor</name>
    <message>
        <source>Talk tracks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore the default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;ame:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this track in call sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first sentences: who you are, why you call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Opener:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions to understand their problems.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Questions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an objection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the objection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the track a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New talk track</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
