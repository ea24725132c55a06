<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>WeeklyGoalDock</name>
    <message>
        <source>This week</source>
        <translation>Cette semaine</translation>
    </message>
</context>
<context>
    <name>WeeklyGoalPanel</name>
    <message>
        <source>This week</source>
        <extracomment>How long the &quot;target met&quot; note stays (it then fades away by itself).</extracomment>
        <translation>Cette semaine</translation>
    </message>
    <message>
        <source>Set &amp;targets…</source>
        <translation>Fixer les &amp;objectifs…</translation>
    </message>
    <message>
        <source>How much must I &amp;prospect?…</source>
        <translation>Combien dois-je &amp;prospecter&#xa0;?…</translation>
    </message>
    <message>
        <source>&amp;Insights…</source>
        <translation>&amp;Analyses…</translation>
    </message>
    <message>
        <source>{metric}: {pace}</source>
        <translation>{metric} : {pace}</translation>
    </message>
    <message>
        <source>Your calls against an even pace over this week&apos;s working days.</source>
        <translation>Vos appels comparés à un rythme régulier sur les jours ouvrés de la semaine.</translation>
    </message>
    <message>
        <source>{n} working day left</source>
        <translation>{n} jour restant</translation>
    </message>
    <message>
        <source>{n} working days left</source>
        <comment>none left</comment>
        <translation>{n} jour restant</translation>
    </message>
    <message>
        <source>{n} working days left</source>
        <translation>{n} jours restants</translation>
    </message>
    <message>
        <source>Streak: {n}+ weeks</source>
        <translation>Série&#xa0;: {n} semaines et plus</translation>
    </message>
    <message>
        <source>Streak: {n} week</source>
        <translation>Série&#xa0;: {n} semaine</translation>
    </message>
    <message>
        <source>Streak: {n} weeks</source>
        <translation>Série&#xa0;: {n} semaines</translation>
    </message>
    <message>
        <source>Weeks in a row with your calls target met. This week counts once met.</source>
        <translation>Semaines d’affilée avec l’objectif d’appels atteint. Cette semaine compte dès qu’il l’est.</translation>
    </message>
    <message>
        <source>Prospected on {n} day this week</source>
        <translation>Prospection {n} jour cette semaine</translation>
    </message>
    <message>
        <source>Prospected on {n} days this week</source>
        <translation>Prospection {n} jours cette semaine</translation>
    </message>
    <message>
        <source>✓ Week&apos;s goal met. Well done.</source>
        <translation>✓ Objectif de la semaine atteint. Bravo.</translation>
    </message>
    <message>
        <source>✓ {metric} target met.</source>
        <translation>✓ Objectif atteint&#xa0;: {metric}.</translation>
    </message>
    <message>
        <source>Less</source>
        <translation>Moins</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Plus</translation>
    </message>
    <message>
        <source>Hide the 12-week history</source>
        <translation>Masquer l’historique de 12 semaines</translation>
    </message>
    <message>
        <source>Show the last 12 weeks, the planner and the insights</source>
        <translation>Afficher les 12 dernières semaines, le planificateur et les analyses</translation>
    </message>
</context>
</TS>
