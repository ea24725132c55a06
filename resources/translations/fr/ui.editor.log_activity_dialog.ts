<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>LogActivityDialog</name>
    <message>
        <source>Log an activity</source>
        <extracomment>Asks which calling rules a call at this time, to this contact (or None), would break. Kinds one logs by hand (stage changes are recorded by changing the stage).</extracomment>
        <translation>Noter une activité</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>&amp;Quoi :</translation>
    </message>
    <message>
        <source>W&amp;hen:</source>
        <translation>Q&amp;uand :</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>&amp;Résultat :</translation>
    </message>
    <message>
        <source>(nobody in particular)</source>
        <translation>(personne en particulier)</translation>
    </message>
    <message>
        <source>&amp;With:</source>
        <translation>&amp;Avec :</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>not noted</source>
        <translation>non notée</translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation>&amp;Durée :</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>&amp;Lieu :</translation>
    </message>
    <message>
        <source>They contacted me</source>
        <translation>C&apos;est lui qui m&apos;a contacté</translation>
    </message>
    <message>
        <source>Contacts the prospect starts keep their data lawfully for three more years</source>
        <translation>Un contact à l&apos;initiative du prospect permet de garder ses données trois ans de plus</translation>
    </message>
    <message>
        <source>What was said, what matters to them…</source>
        <translation>Ce qui s&apos;est dit, ce qui compte pour lui…</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notes :</translation>
    </message>
    <message>
        <source>Plan the next action</source>
        <translation>Planifier la prochaine action</translation>
    </message>
    <message>
        <source>e.g. Call back about the quote</source>
        <translation>p. ex. Rappeler au sujet du devis</translation>
    </message>
    <message>
        <source>&amp;Next:</source>
        <translation>&amp;Prochaine :</translation>
    </message>
    <message>
        <source>This call broke the calling rules: {reasons}. It will be recorded.</source>
        <translation>Cet appel enfreint les règles d’appel : {reasons}. Il sera tout de même enregistré.</translation>
    </message>
</context>
</TS>
