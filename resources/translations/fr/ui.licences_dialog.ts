<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>LicencesDialog</name>
    <message>
        <source>Licences</source>
        <translation>Licences</translation>
    </message>
    <message>
        <source>Prospection is free software (GPL-3.0-or-later). It ships with these components, each under its own licence:</source>
        <translation>Prospection est un logiciel libre (GPL-3.0 ou ultérieure). Il est livré avec ces composants, chacun sous sa propre licence :</translation>
    </message>
    <message>
        <source>Licence: {licence}</source>
        <translation>Licence : {licence}</translation>
    </message>
</context>
</TS>
