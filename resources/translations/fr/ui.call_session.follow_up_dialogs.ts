<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>CallBackDialog</name>
    <message>
        <source>Call back later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When should you call {name} back?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was agreed, e.g. after the budget meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <source>Meeting booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Well done! When and where do you meet {name}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Starts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Length:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address, or video link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a &amp;calendar file (.ics) for my calendar</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NextStepDialog</name>
    <message>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is the next step with {name}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Schedule a next step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. send the figures, then call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next step:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
