<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>DncReason</name>
    <message>
        <source>objected before (suppression list)</source>
        <translation>s’était déjà opposé (liste d’opposition)</translation>
    </message>
</context>
</TS>
