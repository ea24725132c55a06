<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>TargetsDialog</name>
    <message>
        <source>Weekly targets</source>
        <translation>Objectifs de la semaine</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Cette semaine</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>Semaine prochaine</translation>
    </message>
    <message>
        <source>&amp;Week:</source>
        <translation>&amp;Semaine&#xa0;:</translation>
    </message>
    <message>
        <source>Past weeks keep their own targets. The weeks after this one start from these, until you change them again.</source>
        <translation>Les semaines passées gardent leurs objectifs. Les semaines suivantes partent de ceux-ci, jusqu’à ce que vous les changiez.</translation>
    </message>
</context>
</TS>
