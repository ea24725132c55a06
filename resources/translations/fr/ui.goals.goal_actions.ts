<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>GoalActions</name>
    <message>
        <source>Weekly &amp;targets…</source>
        <translation>&amp;Objectifs de la semaine…</translation>
    </message>
    <message>
        <source>Set this week&apos;s calls, conversations and meetings targets</source>
        <translation>Fixer les objectifs d’appels, de conversations et de rendez-vous de la semaine</translation>
    </message>
    <message>
        <source>How much must I &amp;prospect?…</source>
        <translation>Combien dois-je &amp;prospecter&#xa0;?…</translation>
    </message>
    <message>
        <source>Work out weekly targets from your clients and your own rates</source>
        <translation>Calculer les objectifs de la semaine d’après vos clients et vos propres taux</translation>
    </message>
    <message>
        <source>&amp;Insights…</source>
        <translation>&amp;Analyses…</translation>
    </message>
    <message>
        <source>Your funnel, outcomes and the best times to call</source>
        <translation>Votre entonnoir, les issues des appels et les meilleurs moments pour appeler</translation>
    </message>
</context>
</TS>
