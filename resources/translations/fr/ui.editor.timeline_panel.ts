<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>TimelinePanel</name>
    <message>
        <source>Log a call</source>
        <extracomment>Entries shown at most (the oldest are summarised in one line).</extracomment>
        <translation>Noter un appel</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Rendez-vous</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Log a call (Ctrl+L)</source>
        <translation>Noter un appel (Ctrl+L)</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Nothing yet. Calls, emails and notes you log will show here.</source>
        <translation>Rien pour l&apos;instant. Les appels, e-mails et notes que vous noterez apparaîtront ici.</translation>
    </message>
    <message numerus="yes">
        <source>… and %n older entries</source>
        <translation>
            <numerusform>… et %n entrée plus ancienne</numerusform>
            <numerusform>… et %n entrées plus anciennes</numerusform>
        </translation>
    </message>
    <message>
        <source>Stage: {before} → {after}</source>
        <translation>Étape : {before} → {after}</translation>
    </message>
    <message>
        <source>{kind}: {outcome}</source>
        <translation>{kind} : {outcome}</translation>
    </message>
    <message>
        <source>{what} (from them)</source>
        <translation>{what} (de leur part)</translation>
    </message>
    <message>
        <source>Delete this entry</source>
        <translation>Supprimer cette entrée</translation>
    </message>
</context>
</TS>
