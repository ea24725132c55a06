<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>FilterBar</name>
    <message>
        <source>Stage filter</source>
        <translation>Filtre par étape</translation>
    </message>
    <message>
        <source>Any stage</source>
        <translation>Toutes étapes</translation>
    </message>
    <message>
        <source>Tag filter</source>
        <translation>Filtre par étiquette</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>Toutes étiquettes</translation>
    </message>
    <message>
        <source>Next action filter</source>
        <translation>Filtre par prochaine action</translation>
    </message>
    <message>
        <source>Any next action</source>
        <translation>Toutes échéances</translation>
    </message>
    <message>
        <source>Due now (today and overdue)</source>
        <translation>Aujourd&apos;hui et en retard</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Prévue aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Due this week</source>
        <translation>Prévue cette semaine</translation>
    </message>
    <message>
        <source>No next action</source>
        <translation>Sans prochaine action</translation>
    </message>
    <message>
        <source>Show do-not-call</source>
        <translation>Voir « ne pas appeler »</translation>
    </message>
    <message>
        <source>Show prospects where someone asked not to be called (marked with a badge)</source>
        <translation>Afficher les prospects où quelqu&apos;un a demandé à ne pas être appelé (signalés par un badge)</translation>
    </message>
    <message>
        <source>Owner filter</source>
        <translation>Filtre par responsable</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Tout le monde</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Les miens</translation>
    </message>
    <message>
        <source>Show every prospect, or only those you own</source>
        <translation>Afficher tous les prospects, ou seulement ceux dont vous êtes responsable</translation>
    </message>
    <message>
        <source>Filter:</source>
        <translation>Filtrer :</translation>
    </message>
</context>
</TS>
