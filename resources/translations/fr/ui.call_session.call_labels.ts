<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>CallLabels</name>
    <message>
        <source>follow-up overdue</source>
        <translation>relance en retard</translation>
    </message>
    <message>
        <source>follow-up due today</source>
        <translation>relance prévue aujourd&apos;hui</translation>
    </message>
    <message>
        <source>never contacted yet</source>
        <translation>jamais contacté</translation>
    </message>
    <message>
        <source>not contacted for a while</source>
        <translation>pas contacté depuis un moment</translation>
    </message>
    <message>
        <source>chosen by you (follow-up set for later)</source>
        <translation>choisi par vous (relance prévue plus tard)</translation>
    </message>
    <message>
        <source>no number to dial</source>
        <translation>aucun numéro à composer</translation>
    </message>
    <message>
        <source>asked not to be called</source>
        <translation>ne souhaite plus être appelé</translation>
    </message>
    <message>
        <source>{kind}: {detail}</source>
        <translation>{kind} : {detail}</translation>
    </message>
    <message>
        <source>{n} s</source>
        <translation>{n} s</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <source>{h} h {m:02d} min</source>
        <translation>{h} h {m:02d} min</translation>
    </message>
    <message>
        <source>tag “{name}”</source>
        <translation>étiquette « {name} »</translation>
    </message>
    <message>
        <source>follow-ups due</source>
        <translation>relances dues</translation>
    </message>
    <message>
        <source>never contacted</source>
        <translation>jamais contactés</translation>
    </message>
    <message>
        <source>all open prospects</source>
        <translation>tous les prospects ouverts</translation>
    </message>
    <message>
        <source>the list&apos;s filter</source>
        <translation>le filtre de la liste</translation>
    </message>
    <message>
        <source>selected prospects</source>
        <translation>prospects sélectionnés</translation>
    </message>
    <message>
        <source>Call again (no answer)</source>
        <translation>Rappeler (pas de réponse)</translation>
    </message>
    <message>
        <source>Call again (voicemail left)</source>
        <translation>Rappeler (message laissé)</translation>
    </message>
    <message>
        <source>Call again (reached the switchboard)</source>
        <translation>Rappeler (standard joint)</translation>
    </message>
    <message>
        <source>Call back as agreed</source>
        <translation>Rappeler comme convenu</translation>
    </message>
    <message>
        <source>Follow up on the conversation</source>
        <translation>Donner suite à la conversation</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Rendez-vous</translation>
    </message>
</context>
</TS>
