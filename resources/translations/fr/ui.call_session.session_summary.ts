<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>SessionSummaryDialog</name>
    <message>
        <source>Well done</source>
        <extracomment>&quot;See follow-ups&quot; was chosen: show the due follow-ups once the dialog closes. &quot;Undo last call&quot; was chosen (the session takes it back and goes on).</extracomment>
        <translation>Bravo</translation>
    </message>
    <message>
        <source>Session ended</source>
        <translation>Session terminée</translation>
    </message>
    <message>
        <source>people reached: {n}</source>
        <translation>personnes jointes : {n}</translation>
    </message>
    <message>
        <source>conversations: {n}</source>
        <translation>conversations : {n}</translation>
    </message>
    <message>
        <source>reach rate {rate}</source>
        <translation>taux de joignabilité {rate}</translation>
    </message>
    <message>
        <source>talk time {talk}</source>
        <translation>temps de conversation {talk}</translation>
    </message>
    <message>
        <source>Calls: {n} in {minutes} min</source>
        <translation>Appels : {n} en {minutes} min</translation>
    </message>
    <message>
        <source>Meetings booked: {n}</source>
        <translation>Rendez-vous obtenus : {n}</translation>
    </message>
    <message>
        <source>{rate} (your average: {average})</source>
        <translation>{rate} (votre moyenne : {average})</translation>
    </message>
    <message>
        <source>Follow-ups scheduled: {n}</source>
        <translation>Relances planifiées : {n}</translation>
    </message>
    <message>
        <source>Skipped: {n}</source>
        <translation>Passés : {n}</translation>
    </message>
    <message>
        <source>No call this time. The next session starts with one number.</source>
        <translation>Aucun appel cette fois. La prochaine session commence par un seul numéro.</translation>
    </message>
    <message>
        <source>See &amp;follow-ups</source>
        <translation>Voir les &amp;relances</translation>
    </message>
    <message>
        <source>&amp;Undo last call ({name})</source>
        <translation>&amp;Annuler le dernier appel ({name})</translation>
    </message>
    <message>
        <source>Take back the last call and go back to this prospect</source>
        <translation>Annuler le dernier appel et revenir à ce prospect</translation>
    </message>
    <message>
        <source>calls</source>
        <translation>appels</translation>
    </message>
    <message>
        <source>conversations</source>
        <translation>conversations</translation>
    </message>
    <message>
        <source>meetings</source>
        <translation>rendez-vous</translation>
    </message>
    <message>
        <source>This week: {parts}</source>
        <translation>Cette semaine : {parts}</translation>
    </message>
    <message>
        <source>streak {n} wk</source>
        <translation>série de {n} sem.</translation>
    </message>
</context>
</TS>
