<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>StartCallingDialog</name>
    <message>
        <source>Start calling</source>
        <extracomment>Names of left-out prospects listed in the dialog (the rest are counted).</extracomment>
        <translation>Commencer à appeler</translation>
    </message>
    <message>
        <source>Whom to call</source>
        <translation>Qui appeler</translation>
    </message>
    <message>
        <source>&amp;Follow-ups due today and overdue</source>
        <translation>&amp;Relances du jour et en retard</translation>
    </message>
    <message>
        <source>&amp;Never contacted prospects</source>
        <translation>Prospects &amp;jamais contactés</translation>
    </message>
    <message>
        <source>Prospects with the &amp;tag:</source>
        <translation>Prospects avec l&apos;&amp;étiquette :</translation>
    </message>
    <message>
        <source>The list as &amp;filtered ({n} prospects)</source>
        <translation>La liste &amp;filtrée ({n} prospects)</translation>
    </message>
    <message>
        <source>The &amp;selected prospects ({n})</source>
        <translation>Les prospects &amp;sélectionnés ({n})</translation>
    </message>
    <message>
        <source>Clients and lost prospects shown in the list are called too</source>
        <translation>Les clients et prospects perdus affichés dans la liste sont aussi appelés</translation>
    </message>
    <message>
        <source>How much</source>
        <translation>Combien</translation>
    </message>
    <message>
        <source>A &amp;number of calls:</source>
        <translation>Un &amp;nombre d&apos;appels :</translation>
    </message>
    <message>
        <source>A time &amp;box:</source>
        <translation>Une &amp;durée fixe :</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>{n} prospects to call, most urgent first.</source>
        <translation>{n} prospects à appeler, les plus urgents d&apos;abord.</translation>
    </message>
    <message>
        <source>Nobody to call from here. Choose another source, or add prospects.</source>
        <translation>Personne à appeler ici. Choisissez une autre source, ou ajoutez des prospects.</translation>
    </message>
    <message>
        <source>Left out: {names}</source>
        <translation>Laissés de côté : {names}</translation>
    </message>
    <message>
        <source>and {n} more</source>
        <translation>et {n} autres</translation>
    </message>
    <message>
        <source>Add their numbers in the list to call them next time.</source>
        <translation>Ajoutez leurs numéros dans la liste pour les appeler la prochaine fois.</translation>
    </message>
</context>
</TS>
