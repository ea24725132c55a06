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
        <source>a colleague</source>
        <translation>un collègue</translation>
    </message>
    <message>
        <source>in {who}&apos;s call session</source>
        <translation>dans la session d&apos;appels de {who}</translation>
    </message>
    <message>
        <source>called by {who} recently</source>
        <translation>appelé récemment par {who}</translation>
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
        <source>no recorded consent (required for consumers since 11 August 2026)</source>
        <translation>pas de consentement enregistré (obligatoire pour les particuliers depuis le 11 août 2026)</translation>
    </message>
    <message>
        <source>said no less than 60 days ago</source>
        <translation>a refusé il y a moins de 60 jours</translation>
    </message>
    <message>
        <source>at the limit of 4 calls in 30 days</source>
        <translation>limite de 4 appels en 30 jours atteinte</translation>
    </message>
    <message>
        <source>no consumer calls on public holidays</source>
        <translation>pas d&apos;appels aux particuliers les jours fériés</translation>
    </message>
    <message>
        <source>no consumer calls at weekends</source>
        <translation>pas d&apos;appels aux particuliers le week-end</translation>
    </message>
    <message>
        <source>outside calling hours</source>
        <translation>en dehors des heures d&apos;appel</translation>
    </message>
    <message>
        <source>{why}; callable from {when}</source>
        <translation>{why} ; appelable à partir du {when}</translation>
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
        <source>Find a new number</source>
        <translation>Trouver un nouveau numéro</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Rendez-vous</translation>
    </message>
</context>
</TS>
