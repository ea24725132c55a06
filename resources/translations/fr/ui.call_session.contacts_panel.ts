<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>ContactsPanel</name>
    <message>
        <source>No contact recorded: ask for the right person.</source>
        <extracomment>A number was chosen to dial: (contact id, phone id, tel: URI).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asked not to be called</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind}: flagged as a wrong number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind}: call with your phone or softphone (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy {number}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
