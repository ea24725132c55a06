<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>InsightsWindow</name>
    <message>
        <source>Insights</source>
        <extracomment>Periods offered, in days back from today. Hours shown in the heat map (earlier and later calls are rare; they still count).</extracomment>
        <translation>Analyses</translation>
    </message>
    <message>
        <source>Last {n} days</source>
        <translation>{n} derniers jours</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Période&#xa0;:</translation>
    </message>
    <message>
        <source>Funnel</source>
        <translation>Entonnoir</translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation>Issues des appels</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Appels</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>Calls per day</source>
        <translation>Appels par jour</translation>
    </message>
    <message>
        <source>Best time to call: share of calls that reached someone</source>
        <translation>Meilleur moment pour appeler&#xa0;: part des appels qui ont joint quelqu’un</translation>
    </message>
    <message>
        <source>Each cell: the reach rate and, in brackets, the calls behind it. Cells with fewer than {count} calls show no rate: too few to tell.</source>
        <translation>Chaque case&#xa0;: le taux de joignabilité et, entre parenthèses, le nombre d’appels. Sous {count} appels, pas de taux&#xa0;: trop peu pour conclure.</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>du {first} au {last}</translation>
    </message>
    <message>
        <source>{rate} of the step before</source>
        <translation>{rate} de l’étape précédente</translation>
    </message>
    <message>
        <source>No outcome logged</source>
        <translation>Issue non notée</translation>
    </message>
    <message>
        <source>Day, {first} to {last}</source>
        <translation>Jour, du {first} au {last}</translation>
    </message>
    <message>
        <source>{day}: {count} calls</source>
        <translation>{day}&#xa0;: {count} appels</translation>
    </message>
    <message>
        <source>{day} {hour}:00. Calls: {calls}; reached someone: {reached}</source>
        <translation>{day} {hour}&#xa0;h. Appels&#xa0;: {calls}&#xa0;; quelqu’un joint&#xa0;: {reached}</translation>
    </message>
    <message>
        <source>Not enough calls yet to say when people answer best: each hour of the week needs {count} calls first.</source>
        <translation>Pas encore assez d’appels pour dire quand on vous répond le mieux&#xa0;: il faut d’abord {count} appels par heure de la semaine.</translation>
    </message>
    <message>
        <source>{day} {hour}:00 ({rate} of {calls} calls)</source>
        <translation>{day} {hour}&#xa0;h ({rate} de {calls} appels)</translation>
    </message>
    <message>
        <source>Best so far: {slots}.</source>
        <translation>Meilleurs moments à ce jour&#xa0;: {slots}.</translation>
    </message>
</context>
</TS>
