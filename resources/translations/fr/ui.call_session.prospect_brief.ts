<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>ProspectBrief</name>
    <message>
        <source>Their problems</source>
        <translation>Leurs problèmes</translation>
    </message>
    <message>
        <source>How we help them</source>
        <translation>Comment nous les aidons</translation>
    </message>
    <message>
        <source>Why now: {reason}</source>
        <translation>Pourquoi maintenant : {reason}</translation>
    </message>
    <message>
        <source>Not written down yet: ask what worries them, and note it below.</source>
        <translation>Pas encore noté : demandez ce qui les préoccupe, et notez-le ci-dessous.</translation>
    </message>
    <message>
        <source>Not written down yet: what could you change for them?</source>
        <translation>Pas encore noté : que pourriez-vous changer pour eux ?</translation>
    </message>
    <message>
        <source>Last: {activities}</source>
        <translation>Derniers échanges : {activities}</translation>
    </message>
    <message>
        <source>First contact: nothing recorded yet.</source>
        <translation>Premier contact : rien d&apos;enregistré pour l&apos;instant.</translation>
    </message>
</context>
</TS>
